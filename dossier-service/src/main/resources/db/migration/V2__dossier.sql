-- Card dossiers (ISSUE / EXCHANGE / REISSUE) and their audit trail.
-- The applicant's searchable identity fields are columns; the rest of the applicant record and the
-- optional e-ID registration block are jsonb because they are read and written as a whole.
create table dossier (
    id                 uuid         primary key,
    type               varchar(16)  not null,
    status             varchar(32)  not null,
    personal_id_number varchar(12)  not null,
    full_name          varchar(200) not null,
    date_of_birth      date         not null,
    sex                varchar(8)   not null,
    applicant          jsonb        not null,
    eid_registration   jsonb,
    version            bigint       not null,
    created_by         varchar(100) not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index dossier_personal_id_number on dossier (personal_id_number);
create index dossier_status_created on dossier (status, created_at);
-- Backstop for "at most one open dossier per person": two concurrent submissions cannot both commit.
create unique index dossier_one_open_per_person on dossier (personal_id_number)
    where status not in ('COMPLETED', 'REJECTED');

create table dossier_history (
    id          bigserial    primary key,
    dossier_id  uuid         not null references dossier (id),
    actor       varchar(100) not null,
    at          timestamptz  not null,
    action      varchar(32)  not null,
    from_status varchar(32),
    to_status   varchar(32)  not null,
    note        varchar(1000)
);
create index dossier_history_dossier on dossier_history (dossier_id, id);
