-- The job lifecycle is service-support's JobQueue, shared with backtest-service: a claim token
-- that every write of the claiming worker names, and the attempts that cap how often a job whose
-- worker died is tried again.
alter table ingest_job add column attempts integer not null default 0;
alter table ingest_job add column claim_token uuid;
