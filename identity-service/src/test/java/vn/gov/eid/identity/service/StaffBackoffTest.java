package vn.gov.eid.identity.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.gov.eid.identity.domain.FailedAttempts;
import vn.gov.eid.platform.error.DomainException;

/** Progressive backoff, then a lock, for staff users and service clients. */
class StaffBackoffTest {

    private final StaffBackoff rule =
            new StaffBackoff(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 8, Duration.ofMinutes(30));
    private final Instant t0 = Instant.parse("2026-12-03T08:00:00Z");

    @Test
    void theFirstFailuresCostNothingThenEachWaitDoublesUpToTheMaximum() {
        FailedAttempts f = new FailedAttempts();
        for (int i = 0; i < 2; i++) {
            assertEquals("invalid-credentials", rule.fail(f, t0).code());
            assertNull(rule.nextAttemptAt(f));
        }
        rule.fail(f, t0);
        assertEquals(t0.plusSeconds(1), rule.nextAttemptAt(f));
        rule.fail(f, t0);
        assertEquals(t0.plusSeconds(2), rule.nextAttemptAt(f));
        rule.fail(f, t0);
        assertEquals(t0.plusSeconds(4), rule.nextAttemptAt(f));
        rule.fail(f, t0);
        assertEquals(t0.plusSeconds(8), rule.nextAttemptAt(f));
        rule.fail(f, t0);
        assertEquals(t0.plusSeconds(10), rule.nextAttemptAt(f), "capped");
    }

    @Test
    void anAttemptDuringTheWaitIsRefusedWithRetryAfterAndAfterItGoesThrough() {
        FailedAttempts f = new FailedAttempts();
        for (int i = 0; i < 4; i++) {
            rule.fail(f, t0);
        }
        DomainException e = assertThrows(DomainException.class, () -> rule.refuseIfWaiting(f, t0.plusMillis(500)));
        assertEquals(DomainException.Kind.RATE_LIMITED, e.kind());
        assertEquals("login-backoff", e.code());
        assertEquals(2, e.retryAfterSeconds().getAsLong());
        assertDoesNotThrow(() -> rule.refuseIfWaiting(f, t0.plusSeconds(2)));
    }

    @Test
    void theFailureThatReachesTheLimitLocksAndASuccessStartsOver() {
        FailedAttempts f = new FailedAttempts();
        for (int i = 0; i < 7; i++) {
            assertEquals("invalid-credentials", rule.fail(f, t0).code());
        }
        LoginRefused locked = rule.fail(f, t0);
        assertEquals("account-locked", locked.code());
        assertEquals(t0.plus(Duration.ofMinutes(30)), f.lockedUntil);
        DomainException e = assertThrows(DomainException.class, () -> rule.refuseIfWaiting(f, t0.plusSeconds(60)));
        assertEquals(DomainException.Kind.LOCKED, e.kind());
        assertDoesNotThrow(() -> rule.refuseIfWaiting(f, t0.plus(Duration.ofMinutes(31))));
        StaffBackoff.reset(f);
        assertEquals(0, f.count);
        assertNull(f.lockedUntil);
        assertNull(rule.nextAttemptAt(f));
    }
}
