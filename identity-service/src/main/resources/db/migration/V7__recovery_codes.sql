-- Activation and recovery by SMS code (docs/adr/0006). At most one live code per account: the row is replaced by a
-- new request and deleted when used, when its tries are spent, when the phone changes, or when it has expired.
-- code_hash = HMAC-SHA256(server key, "code:" || personal ID number || ":" || code); the code itself is never stored.
create table recovery_code (
    personal_id_number varchar(12) primary key references citizen_account (personal_id_number) on delete cascade,
    code_hash          bytea                       not null,
    tries              integer                     not null default 0,
    valid_until        timestamp(6) with time zone not null,
    created_at         timestamp(6) with time zone not null
);
create index recovery_code_valid_until on recovery_code (valid_until);

-- The codes sent, for the limits per account and per phone number (a rolling window, shared by every replica).
-- phone_key = HMAC-SHA256(server key, "phone:" || E.164 number), hex: no phone number in clear. Rows older than the
-- window are deleted.
create table recovery_code_sent (
    id                 bigserial primary key,
    personal_id_number varchar(12)                 not null,
    phone_key          varchar(64)                 not null,
    sent_at            timestamp(6) with time zone not null
);
create index recovery_code_sent_account on recovery_code_sent (personal_id_number, sent_at);
create index recovery_code_sent_phone on recovery_code_sent (phone_key, sent_at);
create index recovery_code_sent_at on recovery_code_sent (sent_at);
