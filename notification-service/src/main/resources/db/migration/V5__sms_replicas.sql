-- Several replicas of notification-service share this database (issue 10).
--
-- Leases: a replica claims a QUEUED message for one submit by a conditional update (state QUEUED -> SENDING, owner,
-- until when). A claim whose lease has passed belongs to a replica that died or hung: another replica takes it over.
alter table sms_message add column lease_owner varchar(100);
alter table sms_message add column lease_until timestamptz;
create index sms_message_lease_idx on sms_message (lease_until) where state = 'SENDING';
-- Claims left by a version without leases (stopped during a submit) lapse at once: the first replica takes them over.
update sms_message set lease_owner = 'before-leases', lease_until = now() where state = 'SENDING';

-- When the content stops being of use: the expiry of the temporary password it carries, else the SMS validity
-- period. Sending stops there; the submit carries it as the SMPP validity_period; a SUBMITTED message without a
-- receipt expires after it.
-- The default serves a replica of the previous version still running during a rolling deploy (it does not know the
-- column): its messages get the validity of a notice.
alter table sms_message add column valid_until timestamptz;
update sms_message set valid_until = created_at + interval '72 hours' where purpose in ('INITIAL_CREDENTIAL', 'CREDENTIAL_RESET');
update sms_message set valid_until = created_at + interval '24 hours' where valid_until is null;
alter table sms_message alter column valid_until set default now() + interval '24 hours';
alter table sms_message alter column valid_until set not null;
create index sms_message_submitted_idx on sms_message (valid_until) where state = 'SUBMITTED';

-- The SMSC message id as receipts are matched on: lower case without leading zeros (a receipt quotes it in the
-- notation eid.sms.smpp.receipt-id says, see SmscIds).
alter table sms_message add column smsc_id_key varchar(65);
update sms_message set smsc_id_key = coalesce(nullif(ltrim(lower(smsc_message_id), '0'), ''), '0')
 where smsc_message_id is not null;
create index sms_message_smsc_key_idx on sms_message (smsc_id_key) where smsc_id_key is not null;
-- A resent message keeps the id of its last submit only; two submits of different messages may clash on an alias.
drop index sms_message_smsc_id_idx;

-- Submits whose outcome stayed unknown (connection lost, no response, a replica died during it): each may have
-- reached the SMSC, so the citizen may get the SMS more than once.
alter table sms_message add column uncertain_attempts integer not null default 0;

-- One row per submit attempt, for operators: which replica, when, and what came of it.
create table sms_attempt (
    message_id      uuid         not null references sms_message (id),
    attempt         integer      not null,
    instance        varchar(100) not null,
    started_at      timestamptz  not null,
    ended_at        timestamptz,
    outcome         varchar(16),
    detail          varchar(300),
    smsc_message_id varchar(65),
    primary key (message_id, attempt)
);

-- Receipts that came before their submit was recorded (a receipt may overtake the commit of the submit, on this
-- replica's bind or another's). Matched when the submit is recorded; deleted after eid.sms.receipt-hold.
create table sms_receipt_held (
    id              uuid         primary key,
    smsc_id_key     varchar(65)  not null,
    smsc_message_id varchar(65)  not null,
    stat            varchar(16)  not null,
    error           varchar(8),
    received_at     timestamptz  not null
);
create index sms_receipt_held_key_idx on sms_receipt_held (smsc_id_key);
create index sms_receipt_held_age_idx on sms_receipt_held (received_at);

-- A final state is never overwritten: DELIVERED and EXPIRED stay; FAILED only goes back to QUEUED (an operator's
-- audited retry). Enforced here too, so that no code path or replica can break it.
create function sms_message_final_state_guard() returns trigger as $$
begin
    if old.state in ('DELIVERED', 'EXPIRED') and new.state <> old.state then
        raise exception 'sms_message %: final state % cannot become %', old.id, old.state, new.state
            using errcode = 'check_violation';
    end if;
    if old.state = 'FAILED' and new.state not in ('FAILED', 'QUEUED') then
        raise exception 'sms_message %: FAILED can only be re-queued, not become %', old.id, new.state
            using errcode = 'check_violation';
    end if;
    return new;
end;
$$ language plpgsql;

create trigger sms_message_final_state
    before update of state on sms_message
    for each row execute function sms_message_final_state_guard();
