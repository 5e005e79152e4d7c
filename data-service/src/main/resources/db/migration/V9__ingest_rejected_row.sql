-- The rows the cleaning refused, each with its reason and the row as Tushare sent it (the job's
-- counts by reason stay in ingest_rejection). Written in the transaction that stores the rest of
-- its unit, so a unit that rolls back leaves none; a row refused again (a retried or re-fetched
-- unit) is the same entry, seen again: one per dataset, reason and row text. Only the latest
-- rows of each dataset are kept (RejectionStore.KEPT_PER_DATASET).
create table ingest_rejected_row (
    id         bigint generated always as identity primary key,
    dataset    varchar(32) not null,
    ts_code    varchar(32),                       -- as read from the row; null where it has none
    trade_date date,                              -- the row's date; null where it does not read as one
    reason     varchar(32) not null,
    row_text   text not null,                     -- name=value per column, cut at 1,000 characters
    job_id     uuid not null references ingest_job (id),
    at         timestamptz not null               -- when it was last refused
);
create unique index ingest_rejected_row_once on ingest_rejected_row (dataset, reason, md5(row_text));
create index ingest_rejected_row_latest on ingest_rejected_row (at desc, id desc);
create index ingest_rejected_row_dataset_latest on ingest_rejected_row (dataset, at desc, id desc);
