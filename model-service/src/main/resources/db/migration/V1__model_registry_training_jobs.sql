-- Trained models: what they are (config, features, versions), what they were trained on and how
-- well they did. Parameters live as files under alphaquant.model.model-dir/<id>/; at most one
-- model is active (the one that answers factors.computed with model.predictions).
create table model (
    id             uuid primary key,
    name           varchar(96) not null,
    preset         varchar(16) not null,
    active         boolean not null default false,
    config         json not null,            -- network and training options
    data_range     json not null,            -- first/last day, split dates, stocks, samples per split
    features       json not null,            -- factor and market-feature names, in input order
    versions       json not null,            -- model, dataset and factor engine versions, DJL engine
    metrics        json not null,            -- losses per head, IC / rank IC with t-statistics, decile spread
    training_job   uuid,
    created_at     timestamptz not null
);
create unique index model_one_active on model (active) where active;
create index model_created on model (created_at desc);

-- Training jobs, claimed in the database so that any replica can run (or rerun) them: the
-- lifecycle columns are service-support's JobQueue's.
create table training_job (
    id             uuid primary key,
    status         varchar(16) not null,     -- QUEUED | RUNNING | PAUSED | SUCCEEDED | FAILED | CANCELLED
    request        json not null,            -- the request with defaults filled in
    progress       double precision not null default 0,
    detail         json,                     -- epoch, step, losses per head, samples/s, ETA
    cancel_requested boolean not null default false,
    model_id       uuid,
    attempts       integer not null default 0,
    claim_token    uuid,
    message        text,
    resume_after   timestamptz,
    created_at     timestamptz not null,
    started_at     timestamptz,
    heartbeat_at   timestamptz,
    finished_at    timestamptz
);
create index training_job_runnable on training_job (created_at) where status in ('QUEUED', 'RUNNING', 'PAUSED');

-- The loss curves: one row per finished epoch.
create table training_epoch (
    job_id         uuid not null references training_job (id) on delete cascade,
    epoch          integer not null,
    train_loss     json not null,            -- total and per head
    valid_loss     json not null,
    learning_rate  double precision not null,
    seconds        double precision not null,
    primary key (job_id, epoch)
);

-- The outbox table is service-support's shared migration (db/outbox/R__outbox.sql).
