-- The job lifecycle is service-support's JobQueue, shared with backtest-service: a claim token
-- that every write of the claiming worker names, and the attempts that cap how often a job whose
-- worker died is tried again.
alter table ingest_job add column attempts integer not null default 0;
alter table ingest_job add column claim_token uuid;

-- The days a job actually fetched (its first plan, which a resumed job only narrows): what a
-- daily cycle's market.data.ready announces, rather than its whole range since the start.
alter table ingest_job add column fetched_from date;
alter table ingest_job add column fetched_to date;
