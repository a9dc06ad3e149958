-- Biometrics live apart from the dossier row: they are large, sensitive, and never part of a list, a view
-- or an event. One row per dossier; a new capture replaces the previous one.
create table dossier_biometrics (
    dossier_id      uuid         primary key references dossier (id),
    portrait        bytea        not null,
    portrait_width  integer      not null,
    portrait_height integer      not null,
    fingerprints    jsonb        not null,
    captured_by     varchar(100) not null,
    captured_at     timestamptz  not null
);
alter table dossier add column biometrics_captured boolean not null default false;
