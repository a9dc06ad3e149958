-- Operator retry of a FAILED message. A FAILED message keeps its ciphertext for eid.sms.failed-retention so an
-- operator may send it again; a scheduled purge erases it afterwards.
--
-- queued_at: when the message was (re)queued; eid.sms.max-age counts from here, so a retried message is not
-- expired at once for having been created long ago.
-- attempt_base: attempts already spent before the last (re)queue; eid.sms.max-attempts counts from here while
-- "attempts" keeps the total.
alter table sms_message add column queued_at timestamptz;
update sms_message set queued_at = created_at;
alter table sms_message alter column queued_at set not null;
alter table sms_message add column attempt_base integer not null default 0;

create index sms_message_failed_sealed_idx on sms_message (final_at) where state = 'FAILED' and sealed is not null;

-- Who retried which message, when and why; one row per accepted retry (never updated).
create table sms_retry (
    id                       uuid primary key,
    message_id               uuid         not null references sms_message (id),
    operator                 varchar(100) not null,
    reason                   varchar(500) not null,
    previous_error           varchar(300),
    attempts_before          integer      not null,
    duplicate_risk_confirmed boolean      not null,
    retried_at               timestamptz  not null
);

create index sms_retry_message_idx on sms_retry (message_id, retried_at);
