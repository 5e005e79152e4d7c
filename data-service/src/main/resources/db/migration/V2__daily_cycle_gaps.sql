-- Who asked for a job: 'api' (a person or a tool) or 'cycle' (the daily schedule). One cycle
-- job at most is waiting or running at a time, whichever replica's scheduler fired first.
alter table ingest_job add column origin varchar(8) not null default 'api';
create unique index ingest_job_one_active_cycle on ingest_job (origin)
    where origin = 'cycle' and status in ('QUEUED', 'RUNNING', 'PAUSED');

-- Open trading days that Tushare answered with no rows for the whole market (not published
-- yet, or never): uncovered, retried by the cycle with backoff until next_attempt, and late
-- once the deadline passed. A day leaves this table when its rows arrive.
create table ingest_gap (
    dataset       varchar(32) not null,
    trade_date    date not null,
    attempts      integer not null,
    first_attempt timestamptz not null,
    last_attempt  timestamptz not null,
    next_attempt  timestamptz not null,
    late          boolean not null,
    primary key (dataset, trade_date)
);
