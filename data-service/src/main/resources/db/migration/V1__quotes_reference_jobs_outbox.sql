-- Reference data
create table security (
    ts_code    varchar(9) primary key,
    name       text not null,
    industry   text,
    market     text,
    board      varchar(12) not null,
    list_date  date not null
);

create table trade_calendar (
    exchange varchar(8) not null,
    cal_date date not null,
    is_open  boolean not null,
    primary key (exchange, cal_date)
);

-- Quotes: raw (unadjusted) daily bars in Tushare units (vol in lots, amount in thousand CNY).
-- The primary key serves per-stock range scans; the trade_date index serves whole-market days.
create table daily_bar (
    ts_code    varchar(9) not null,
    trade_date date not null,
    open       double precision not null,
    high       double precision not null,
    low        double precision not null,
    close      double precision not null,
    pre_close  double precision not null,
    vol        double precision not null,
    amount     double precision not null,
    primary key (ts_code, trade_date)
);
create index daily_bar_trade_date on daily_bar (trade_date);

create table adj_factor (
    ts_code    varchar(9) not null,
    trade_date date not null,
    adj_factor double precision not null,
    primary key (ts_code, trade_date)
);
create index adj_factor_trade_date on adj_factor (trade_date);

create table index_bar (
    ts_code    varchar(9) not null,
    trade_date date not null,
    open       double precision not null,
    high       double precision not null,
    low        double precision not null,
    close      double precision not null,
    pre_close  double precision not null,
    vol        double precision not null,
    amount     double precision not null,
    primary key (ts_code, trade_date)
);

-- What is already stored, so a re-run never calls Tushare for it. scope '*' = the whole
-- market on that day (fetched by trade date); otherwise a ts_code covered over [from_date, to_date].
create table coverage (
    dataset   varchar(32) not null,
    scope     varchar(16) not null,
    from_date date not null,
    to_date   date not null,
    primary key (dataset, scope, from_date)
);

-- Ingestion jobs are claimed in the database so that any replica can run (or resume) them.
create table ingest_job (
    id            uuid primary key,
    status        varchar(16) not null,
    datasets      text not null,
    ts_codes      text not null,
    start_date    date not null,
    end_date      date not null,
    units_total   integer not null default 0,
    units_done    integer not null default 0,
    calls         bigint not null default 0,
    rows_stored   bigint not null default 0,
    rows_rejected bigint not null default 0,
    message       text,
    resume_after  timestamptz,
    created_at    timestamptz not null,
    started_at    timestamptz,
    heartbeat_at  timestamptz,
    finished_at   timestamptz
);
create index ingest_job_status on ingest_job (status);

-- Rejected rows of a job by reason (counted and reported, never silently dropped).
create table ingest_rejection (
    job_id uuid not null references ingest_job (id),
    reason varchar(32) not null,
    rows   bigint not null,
    primary key (job_id, reason)
);

-- The outbox table is service-support's shared migration (db/outbox/R__outbox.sql).
