-- Sessions: rotating refresh tokens (opaque, 256 random bits), stored only as their SHA-256. A family is one login's
-- chain of tokens; each refresh spends its token and adds the next. A spent token used again means it was copied:
-- the whole family is deleted. Rows go when their family ends (expiry, revocation, password change).
create table refresh_token (
    token_hash        bytea primary key,
    family_id         uuid                        not null,
    subject_kind      varchar(8)                  not null check (subject_kind in ('CITIZEN', 'STAFF')),
    subject           varchar(64)                 not null,
    issued_at         timestamp(6) with time zone not null,
    expires_at        timestamp(6) with time zone not null,
    family_expires_at timestamp(6) with time zone not null,
    spent_at          timestamp(6) with time zone
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_subject on refresh_token (subject_kind, subject);
create index refresh_token_family_expires on refresh_token (family_expires_at);
