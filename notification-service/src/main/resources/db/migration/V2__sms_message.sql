-- One row per SMS request. The password travels only inside "sealed" (a JWE to this service's key),
-- which is set to null once the message reaches a final state.
create table sms_message (
    id                 uuid primary key,
    request_id         uuid         not null unique,
    personal_id_number varchar(12)  not null,
    purpose            varchar(32)  not null,
    phone_masked       varchar(32)  not null,
    template_params    text         not null,
    sealed             text,
    state              varchar(16)  not null,
    smsc_message_id    varchar(65),
    attempts           integer      not null default 0,
    segments           integer,
    encoding           varchar(8),
    last_error         varchar(300),
    next_attempt_at    timestamptz  not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    submitted_at       timestamptz,
    final_at           timestamptz,
    version            bigint       not null default 0
);

create index sms_message_pid_idx on sms_message (personal_id_number, created_at);
create index sms_message_due_idx on sms_message (state, next_attempt_at);
create unique index sms_message_smsc_id_idx on sms_message (smsc_message_id) where smsc_message_id is not null;
