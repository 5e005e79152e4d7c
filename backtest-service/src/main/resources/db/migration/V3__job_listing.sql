-- The lists of past backtests and optimisations (GET /api/backtests, /api/backtests/optimize):
-- the latest jobs of one kind, newest first.
create index backtest_job_latest on backtest_job (kind, created_at desc, id desc);
