-- The job lifecycle is service-support's JobQueue, shared with data-service: a paused job waits
-- for resume_after (unused by backtests so far, which never pause).
alter table backtest_job add column resume_after timestamptz;
