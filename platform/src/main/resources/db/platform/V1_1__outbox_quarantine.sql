-- The relay counts the tries that failed because of a row itself (too large for the broker, refused by the signer,
-- a topic the service may not write) and sets it aside after eid.outbox.max-attempts, so the rows behind it flow on.
-- last_error holds the exception type and message only: never the payload or the key.
alter table outbox_event
    add column attempts       integer       not null default 0,
    add column last_error     varchar(1000),
    add column quarantined_at timestamptz;

-- What the relay reads (in seq order) and what the backlog figures count: unpublished rows not set aside.
drop index outbox_event_unpublished;
create index outbox_event_pending on outbox_event (seq) where published_at is null and quarantined_at is null;
-- Few rows, if any: the quarantine gauge counts them without touching the table's bulk.
create index outbox_event_quarantined on outbox_event (seq) where quarantined_at is not null;
