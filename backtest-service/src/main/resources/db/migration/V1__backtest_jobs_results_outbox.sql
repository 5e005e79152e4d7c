-- Backtest and optimisation jobs, claimed in the database so that any replica can run (or
-- resume) them: a RUNNING job whose heartbeat stopped is claimed again. claim_token names the
-- current claim; a worker that lost its claim can no longer write progress or results.
-- JSON columns are json, not jsonb, so that they keep the order they were written in.
create table backtest_job (
    id             uuid primary key,
    kind           varchar(16) not null,          -- BACKTEST | OPTIMIZE
    status         varchar(16) not null,          -- QUEUED | RUNNING | SUCCEEDED | FAILED
    strategy       varchar(64) not null,
    start_date     date not null,
    end_date       date not null,
    parameters     json not null,                 -- the request with defaults filled in
    progress       double precision not null default 0,
    attempts       integer not null default 0,
    claim_token    uuid,
    message        text,
    engine_version varchar(32) not null,
    metrics        json,                          -- SPEC section 5 figures, null where undefined
    counts         json,                          -- fills, rejections by reason
    run_info       json,                          -- first/last day, universe, bar source
    created_at     timestamptz not null,
    started_at     timestamptz,
    heartbeat_at   timestamptz,
    finished_at    timestamptz
);
create index backtest_job_runnable on backtest_job (created_at) where status in ('QUEUED', 'RUNNING');

-- Results of a backtest, in the CLI's output contract (equity.csv, trades.csv, rejections.csv).
-- Money is stored as the engine holds it (cash and market value in cents, fills as doubles
-- already rounded by the engine) so that the CSV written from here equals the CLI's byte for byte.
create table backtest_equity (
    job_id             uuid not null references backtest_job (id) on delete cascade,
    day_no             integer not null,
    trade_date         date not null,
    cash_cents         bigint not null,
    market_value_cents bigint not null,
    benchmark          double precision,
    drawdown           double precision not null,
    primary key (job_id, day_no)
);

create table backtest_trade (
    job_id        uuid not null references backtest_job (id) on delete cascade,
    seq           integer not null,
    trade_date    date not null,
    ts_code       varchar(9) not null,
    side          varchar(4) not null,
    shares        double precision not null,
    price         double precision not null,
    value         double precision not null,
    commission    double precision not null,
    stamp_duty    double precision not null,
    transfer_fee  double precision not null,
    slippage_cost double precision not null,
    reason        varchar(8) not null,
    primary key (job_id, seq)
);

create table backtest_rejection (
    job_id     uuid not null references backtest_job (id) on delete cascade,
    seq        integer not null,
    trade_date date not null,
    ts_code    varchar(9) not null,
    side       varchar(4) not null,
    shares     double precision not null,
    reason     varchar(16) not null,
    primary key (job_id, seq)
);

-- One point of an optimisation grid, stored as soon as it is computed, so a resumed job runs
-- only the points still missing.
create table backtest_grid_point (
    job_id       uuid not null references backtest_job (id) on delete cascade,
    point_no     integer not null,
    parameters   json not null,                   -- the varied values of this point
    metrics      json not null,
    final_equity double precision not null,
    fills        integer not null,
    rejections   integer not null,
    primary key (job_id, point_no)
);

-- The outbox table is service-support's shared migration (db/outbox/R__outbox.sql).
