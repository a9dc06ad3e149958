-- Phone and e-mail of citizens are personal data: stored sealed (envelope encryption, docs/adr/0003) under the context
-- "citizen_account.phone:<personal ID number>" / "citizen_account.email:<...>". Rows written before this version keep
-- them in clear until AccountContacts converts them (every minute, in batches); a row holds each value in exactly
-- one form, never both, and a phone always.
alter table citizen_account
    add column phone_sealed bytea,
    add column email_sealed bytea,
    alter column phone drop not null;
alter table citizen_account
    add constraint citizen_account_phone_one_form check ((phone is null) <> (phone_sealed is null)),
    add constraint citizen_account_email_one_form check (email is null or email_sealed is null);
