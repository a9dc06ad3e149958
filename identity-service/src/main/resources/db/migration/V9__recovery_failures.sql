-- Wrong recovery codes per account over a long window (review of issue 13): five tries per code and three codes an
-- hour, with a 15-minute lockout that starts again from zero, would let an attacker guess fifteen codes an hour for
-- ever. Rows older than eid.identity.recovery.failure-window are deleted by the recovery-code sweep.
create table recovery_code_failure (
    personal_id_number varchar(12)                 not null,
    failed_at          timestamp(6) with time zone not null
);
create index recovery_code_failure_account on recovery_code_failure (personal_id_number, failed_at);
