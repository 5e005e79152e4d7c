-- One row per published signal; the unique key makes a redelivered factors.computed a no-op.
create table strategy_signal (
    id               bigserial primary key,
    strategy         varchar(64) not null,
    strategy_version varchar(32) not null,
    as_of            date not null,
    ts_code          varchar(16) not null,
    action           varchar(8) not null,
    score            double precision not null,
    target_weight    double precision not null,
    model_version    varchar(64),
    payload          text not null,
    created_at       timestamptz not null default now(),
    constraint strategy_signal_key unique (strategy, as_of, ts_code, strategy_version)
);
create index strategy_signal_day on strategy_signal (strategy, strategy_version, as_of);

-- The latest model.predictions per as-of date (a newer event for the date replaces the older).
create table model_prediction (
    as_of         date not null,
    ts_code       varchar(16) not null,
    model_name    varchar(64) not null,
    model_version varchar(64) not null,
    log_return    double precision not null,
    primary key (as_of, ts_code)
);

-- The outbox table is service-support's shared migration (db/outbox/R__outbox.sql).
