-- The list of ingestion jobs (GET /api/data/jobs): the latest first.
create index ingest_job_latest on ingest_job (created_at desc, id desc);
