-- Citizens' e-ID accounts. Username = the 12-digit personal identification number
-- (Decree 137/2015/ND-CP art. 13), which never changes for a person.
create table citizen_account (
    personal_id_number  varchar(12)  primary key check (personal_id_number ~ '^[0-9]{12}$'),
    level               integer      not null check (level in (1, 2)),
    status              varchar(32)  not null check (status in ('PENDING_ACTIVATION', 'ACTIVE', 'LOCKED')),
    -- PHC string $argon2id$v=19$m=..,t=..,p=..$salt$hash; never the password itself
    password_hash       varchar(255) not null,
    password_temporary  boolean      not null,
    password_expires_at timestamp(6) with time zone,
    failed_logins       integer      not null default 0,
    locked_until        timestamp(6) with time zone,
    phone               varchar(16)  not null,
    email               varchar(320),
    full_name           varchar(200),
    dossier_id          varchar(64),
    created_at          timestamp(6) with time zone not null,
    activated_at        timestamp(6) with time zone,
    updated_at          timestamp(6) with time zone not null,
    version             bigint       not null default 0
);

-- Officers, supervisors and operators, provisioned from configuration.
create table staff_user (
    username      varchar(64)  primary key,
    role          varchar(32)  not null,
    password_hash varchar(255) not null,
    created_at    timestamp(6) with time zone not null
);

-- Service accounts of other systems (client_credentials grant).
create table service_client (
    client_id   varchar(64)  primary key,
    role        varchar(32)  not null,
    secret_hash varchar(255) not null,
    created_at  timestamp(6) with time zone not null
);

-- Who did what to an account and why (operator actions, activation, lockouts).
create table account_audit (
    id                 bigserial    primary key,
    personal_id_number varchar(12)  not null,
    action             varchar(40)  not null,
    actor              varchar(64)  not null,
    reason             varchar(500),
    at                 timestamp(6) with time zone not null
);
create index account_audit_pid on account_audit (personal_id_number, at);
