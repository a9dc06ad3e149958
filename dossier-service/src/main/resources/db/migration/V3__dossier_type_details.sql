-- Type-specific facts: EXCHANGE names the card replaced and why, REISSUE the lost card when known.
alter table dossier add column exchange_reason varchar(40);
alter table dossier add column current_card_number varchar(12);
alter table dossier add column lost_card_number varchar(12);
-- "ISSUE refused when a completed dossier exists" looks completed dossiers up per person.
create index dossier_completed_per_person on dossier (personal_id_number) where status = 'COMPLETED';
