-- Who read personal data: every partner lookup by personal ID number (with the purpose the partner declared) and
-- every staff read of one dossier, written in the transaction that produces the answer.
create table dossier_access_log (
    id                 bigserial    primary key,
    at                 timestamptz  not null,
    actor              varchar(100) not null,
    kind               varchar(16)  not null,
    dossier_id         uuid         references dossier (id),
    personal_id_number varchar(12),
    purpose            varchar(200),
    constraint dossier_access_log_kind check (
        (kind = 'PARTNER_LOOKUP' and personal_id_number is not null and purpose is not null and dossier_id is null)
        or (kind = 'STAFF_READ' and dossier_id is not null and personal_id_number is null and purpose is null))
);
-- "Who read this person's data?" and "what did this client read?"
create index dossier_access_log_person on dossier_access_log (personal_id_number, at) where personal_id_number is not null;
create index dossier_access_log_dossier on dossier_access_log (dossier_id, at) where dossier_id is not null;
create index dossier_access_log_actor on dossier_access_log (actor, at);

-- Partner lookup quota: per client, the current fixed window and the lookups made in it. Shared by every replica;
-- one row per partner client.
create table partner_lookup_quota (
    client_id    varchar(100) primary key,
    window_start timestamptz  not null,
    used         integer      not null
);
