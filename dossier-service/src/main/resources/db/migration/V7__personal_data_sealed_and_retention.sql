-- Personal data at rest (issue 9 item 5, docs/adr/0003) and retention.
--
-- Sealed columns hold the platform's envelope format (version byte 0x01, the key-encryption key's id, the wrapped data
-- key, the data); each value is bound to its table, column and row (context "dossier.phone:<id>" and so on).
-- The clear columns stay, nullable, only for rows written before this version: ClearRowSealing seals them in batches
-- (one transaction per batch, each row in one statement) and the check constraints below make a half-written row
-- impossible: a row holds its data either in clear (not converted yet) or sealed, never both, never neither.
-- A later migration drops the clear columns once no row uses them (dossier-service/README.md, "Data at rest").

-- e-ID contact data: the phone number and e-mail address leave the eid_registration jsonb for two sealed columns.
alter table dossier add column phone_sealed bytea;
alter table dossier add column email_sealed bytea;
-- When the dossier reached COMPLETED or REJECTED: the retention clock (updated_at moves with later changes).
alter table dossier add column closed_at timestamptz;
-- Set when the retention purge deleted the dossier's biometrics and contact data.
alter table dossier add column biometrics_and_contact_purged_at timestamptz;

update dossier d
   set closed_at = coalesce(
           (select max(h.at) from dossier_history h
             where h.dossier_id = d.id and h.action in ('COMPLETE', 'REJECT')),
           d.updated_at)
 where d.status in ('COMPLETED', 'REJECTED');

alter table dossier add constraint dossier_closed_at
    check ((status in ('COMPLETED', 'REJECTED')) = (closed_at is not null));
-- Never both forms of the contact data in one row.
alter table dossier add constraint dossier_contact_one_form
    check (((eid_registration ->> 'phoneNumber') is null and (eid_registration ->> 'email') is null)
           or (phone_sealed is null and email_sealed is null));
-- A registration keeps its phone number (clear or sealed) until the retention purge.
alter table dossier add constraint dossier_contact_kept
    check (eid_registration is null or biometrics_and_contact_purged_at is not null
           or (eid_registration ->> 'phoneNumber') is not null or phone_sealed is not null);
-- After the purge nothing of the contact data is left.
alter table dossier add constraint dossier_contact_purged
    check (biometrics_and_contact_purged_at is null
           or (phone_sealed is null and email_sealed is null
               and (eid_registration ->> 'phoneNumber') is null and (eid_registration ->> 'email') is null));

-- Biometrics: the portrait and the fingerprint templates (with their fingers and quality scores) sealed as a whole;
-- width, height, who and when stay in clear: they say nothing about the person.
alter table dossier_biometrics alter column portrait drop not null;
alter table dossier_biometrics alter column fingerprints drop not null;
alter table dossier_biometrics add column portrait_sealed bytea;
alter table dossier_biometrics add column fingerprints_sealed bytea;
alter table dossier_biometrics add constraint dossier_biometrics_one_form
    check ((portrait is not null and fingerprints is not null
            and portrait_sealed is null and fingerprints_sealed is null)
           or (portrait is null and fingerprints is null
               and portrait_sealed is not null and fingerprints_sealed is not null));

-- The conversion job finds the rows still in clear without reading the table (empty once converted).
create index dossier_contact_in_clear on dossier (id) where (eid_registration ->> 'phoneNumber') is not null;
create index dossier_biometrics_in_clear on dossier_biometrics (dossier_id) where portrait is not null;

-- Retention: closed dossiers whose biometrics and contact data are still there, oldest first.
create index dossier_retention_due on dossier (status, closed_at)
    where closed_at is not null and biometrics_and_contact_purged_at is null;
create index idempotency_key_created on idempotency_key (created_at);
create index dossier_access_log_at on dossier_access_log (at);
