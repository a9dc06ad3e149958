-- Idempotency-Key of POST /api/v1/dossiers, scoped per caller: a retried submission returns the first answer.
create table idempotency_key (
    actor        varchar(100) not null,
    idem_key     varchar(200) not null,
    request_hash varchar(64)  not null,
    dossier_id   uuid         not null references dossier (id),
    created_at   timestamptz  not null,
    primary key (actor, idem_key)
);
