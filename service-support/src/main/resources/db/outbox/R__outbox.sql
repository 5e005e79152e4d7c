-- The transactional outbox of every service with a database and Kafka (service-support's Outbox
-- and OutboxRelay): events are written in the transaction of the data they announce and published
-- to Kafka after commit. Repeatable and idempotent, so that it runs after each service's own
-- migrations and again only when this file changes.
create table if not exists outbox (
    id           bigserial primary key,
    event_id     varchar(64) not null unique,
    topic        varchar(64) not null,
    event_key    varchar(64) not null,
    payload      text not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz
);
-- The relay's claim: the oldest unpublished rows, skipped when another replica holds them.
create index if not exists outbox_unpublished on outbox (id) where published_at is null;
-- Pruning: published rows past their retention, oldest first.
create index if not exists outbox_published on outbox (published_at) where published_at is not null;
-- The trace of the transaction that wrote the event (W3C traceparent), continued when it is sent.
alter table outbox add column if not exists traceparent varchar(64);
