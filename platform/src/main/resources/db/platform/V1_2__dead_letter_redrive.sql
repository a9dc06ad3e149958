-- Operators' re-drives of dead-lettered records (platform deadletter package): who re-drove which record, why, and
-- what came of it. The record itself stays on the dead-letter topic; no payload is copied here (personal data).
create table dead_letter_redrive (
    id              bigserial    primary key,
    topic           varchar(249) not null, -- the dead-letter topic
    topic_partition integer      not null,
    record_offset   bigint       not null,
    event_id        varchar(255),          -- ce_id, when the record has one
    operator        varchar(100) not null, -- the operator's name from the JWT
    reason          varchar(500) not null, -- why the operator re-drove it
    outcome         varchar(20)  not null
        check (outcome in ('HANDLED', 'IGNORED', 'ALREADY_PROCESSED', 'FAILED')),
    detail          varchar(500),          -- why it failed again (FAILED only)
    redriven_at     timestamptz  not null default now()
);
create index dead_letter_redrive_record on dead_letter_redrive (topic, topic_partition, record_offset, redriven_at);
