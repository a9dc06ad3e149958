package vn.gov.eid.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Failed logins in a row of a staff user or service client, and the lock they led to. */
@Embeddable
public class FailedAttempts {

    @Column(name = "failed_logins", nullable = false)
    public int count;

    @Column(name = "last_failed_at")
    public Instant lastFailedAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;
}
