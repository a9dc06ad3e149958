-- Shared by every service (platform module): the transactional outbox and the consumer inbox.
-- Service migrations start at V2.

-- Events written in the same transaction as the state change; the relay publishes them in seq order.
create table outbox_event (
    id           uuid         primary key,
    seq          bigserial    not null unique,
    topic        varchar(249) not null,
    event_key    varchar(255) not null,
    event_type   varchar(255) not null,
    payload      json         not null, -- json keeps the bytes as written (jsonb would reformat them)
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

-- Ids (ce_id) of events a consumer has processed; the primary key makes redelivery a no-op.
create table inbox_message (
    consumer    varchar(100) not null,
    event_id    varchar(255) not null,
    received_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
