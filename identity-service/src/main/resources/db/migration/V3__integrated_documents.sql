-- Documents integrated into the e-ID at the police office (driver's licence, insurance cards...), as the
-- dossier event lists them; replaced by each later completed dossier (EXCHANGE, REISSUE).
alter table citizen_account add column integrated_documents text;
