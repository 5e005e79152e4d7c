-- Mining jobs, claimed in the database so that any replica can run (or rerun) them: the
-- lifecycle columns are service-support's JobQueue's.
create table mining_job (
    id               uuid primary key,
    status           varchar(16) not null,     -- QUEUED | RUNNING | PAUSED | SUCCEEDED | FAILED | CANCELLED
    request          json not null,            -- the request with defaults filled in (the seed included)
    progress         double precision not null default 0,
    detail           json,                     -- evaluated, budget, accepted, pool size and train IC, last accepted, ETA
    result           json,                     -- on success: the pool's weights and metrics, each member's figures
    cancel_requested boolean not null default false,
    attempts         integer not null default 0,
    claim_token      uuid,
    message          text,
    resume_after     timestamptz,
    created_at       timestamptz not null,
    started_at       timestamptz,
    heartbeat_at     timestamptz,
    finished_at      timestamptz
);
create index mining_job_runnable on mining_job (created_at) where status in ('QUEUED', 'RUNNING', 'PAUSED');
create index mining_job_created on mining_job (created_at desc);

-- Formulas mined by successful jobs, usable by name wherever a factor is. The name is a hash of
-- the formula's canonical form: the same formula found again keeps its first record.
create table mined_formula (
    name                    varchar(32) primary key,   -- ALPHA_<8 hex>
    formula                 text not null,             -- function form, e.g. Mean(Div(close, Ref(close, 5)), 20)
    rpn                     text not null,             -- the same as RPN tokens
    method                  varchar(16) not null,      -- gp | rl
    seed                    bigint not null,
    weight                  double precision not null, -- its weight in the job's pool (standardised values)
    metrics                 json not null,             -- per split: ic, rankIc, icir, rankIcir, turnover, coverage, days
    max_builtin_correlation double precision,          -- max |daily correlation| with the built-in factors (train)
    closest_builtin         varchar(32),
    data_range              json not null,             -- start, end, validStart, testStart, horizon, stocks, days per split
    versions                json not null,             -- factor engine and alpha evaluator versions
    job_id                  uuid not null references mining_job (id),
    created_at              timestamptz not null
);
create index mined_formula_created on mined_formula (created_at desc);
