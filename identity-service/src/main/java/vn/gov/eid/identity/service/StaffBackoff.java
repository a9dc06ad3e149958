package vn.gov.eid.identity.service;

import java.time.Duration;
import java.time.Instant;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.domain.FailedAttempts;
import vn.gov.eid.platform.error.DomainException;

/**
 * The rule for staff users and service clients, whose accounts an attacker may guess at from anywhere: after
 * {@code backoffAfter} failed logins in a row each further attempt must wait twice as long as the one before (from
 * {@code base} up to {@code max}), and {@code lockAfter} failures lock the account for {@code lockDuration}. A success
 * starts over. Pure: the caller loads and stores the {@link FailedAttempts}.
 */
record StaffBackoff(int backoffAfter, Duration base, Duration max, int lockAfter, Duration lockDuration) {

    static StaffBackoff of(IdentityConfig.StaffLockout c) {
        return new StaffBackoff(c.backoffAfter(), c.backoffBase(), c.backoffMax(), c.lockAfter(), c.lockDuration());
    }

    /**
     * Refuses an attempt made while the account is locked (423) or before its backoff has passed (429 with
     * Retry-After); such an attempt is not checked and not counted.
     */
    void refuseIfWaiting(FailedAttempts f, Instant now) {
        if (f.lockedUntil != null && now.isBefore(f.lockedUntil)) {
            throw LoginRefused.lockedUntil(f.lockedUntil);
        }
        Instant next = nextAttemptAt(f);
        if (next != null && now.isBefore(next)) {
            throw DomainException.rateLimited(
                            "login-backoff",
                            "Too many failed logins",
                            "too many failed logins in a row; wait before the next attempt")
                    .retryAfter(Duration.between(now, next));
        }
    }

    /** When the next attempt may be made, or null when at once. */
    Instant nextAttemptAt(FailedAttempts f) {
        if (f.count < backoffAfter || f.lastFailedAt == null) {
            return null;
        }
        int doublings = Math.min(f.count - backoffAfter, 30);
        Duration wait = base.multipliedBy(1L << doublings);
        return f.lastFailedAt.plus(wait.compareTo(max) > 0 ? max : wait);
    }

    /**
     * Counts a failure and refuses the attempt: as invalid credentials, or, for the failure that reaches
     * {@code lockAfter}, as locked (the lock is set).
     */
    LoginRefused fail(FailedAttempts f, Instant now) {
        f.count++;
        f.lastFailedAt = now;
        if (f.count >= lockAfter) {
            f.count = 0;
            f.lockedUntil = now.plus(lockDuration);
            return LoginRefused.lockedUntil(f.lockedUntil);
        }
        return LoginRefused.invalidCredentials();
    }

    /** A success: nothing to wait for any more. */
    static void reset(FailedAttempts f) {
        f.count = 0;
        f.lastFailedAt = null;
        f.lockedUntil = null;
    }
}
