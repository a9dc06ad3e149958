-- Login limits shared by every replica.
-- Token buckets (Bucket4j, see LoginThrottle): failed logins per client address and the global ceiling. expires_at is
-- when a bucket is full again (epoch milliseconds); such rows are deleted every minute.
create table login_throttle (
    id         varchar(80) primary key,
    state      bytea,
    expires_at bigint
);
create index login_throttle_expires on login_throttle (expires_at);

-- Staff users and service clients: progressive backoff after a few failed logins in a row, then a lock.
alter table staff_user
    add column failed_logins  integer not null default 0,
    add column last_failed_at timestamp(6) with time zone,
    add column locked_until   timestamp(6) with time zone;
alter table service_client
    add column failed_logins  integer not null default 0,
    add column last_failed_at timestamp(6) with time zone,
    add column locked_until   timestamp(6) with time zone;
