package vn.gov.eid.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The retry schedule: delays doubled from the initial one up to the cap, with jitter; attempt and age limits. */
class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(5, Duration.ofHours(1), Duration.ofSeconds(2), Duration.ofMinutes(5));

    /** Draws the given end of the jitter range and remembers the bounds it was asked for. */
    private static final class FixedJitter implements RandomGenerator {
        final boolean highest;
        final List<Long> bounds = new ArrayList<>();

        FixedJitter(boolean highest) {
            this.highest = highest;
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            bounds.add(bound);
            return highest ? bound - 1 : 0;
        }
    }

    @Test
    void delayDoublesPerAttemptFromTheInitialDelayUpToTheCap() {
        FixedJitter none = new FixedJitter(false);
        assertEquals(Duration.ofSeconds(2), policy.backoff(1, none));
        assertEquals(Duration.ofSeconds(4), policy.backoff(2, none));
        assertEquals(Duration.ofSeconds(8), policy.backoff(3, none));
        assertEquals(Duration.ofSeconds(256), policy.backoff(8, none));
        assertEquals(Duration.ofMinutes(5), policy.backoff(9, none), "512 s capped at 5 min");
        assertEquals(Duration.ofMinutes(5), policy.backoff(1000, none), "no overflow for a long history");
        assertEquals(Duration.ofSeconds(2), policy.backoff(0, none), "before any attempt: the initial delay");
    }

    @Test
    void jitterAddsUpToHalfTheDelay() {
        FixedJitter most = new FixedJitter(true);
        assertEquals(Duration.ofSeconds(3), policy.backoff(1, most), "2 s + 1 s");
        assertEquals(Duration.ofMinutes(5).plusSeconds(150), policy.backoff(20, most), "cap + half the cap");
        assertEquals(List.of(1001L, 150_001L), most.bounds, "the jitter is drawn from 0 to half the delay");
    }

    @Test
    void realJitterStaysWithinItsRange() {
        for (int i = 0; i < 1000; i++) {
            long ms = policy.backoff(3, ThreadLocalRandom.current()).toMillis();
            assertTrue(ms >= 8000 && ms <= 12000, ms + " ms");
        }
    }

    @Test
    void attemptsRunOutAtTheLimit() {
        assertFalse(policy.exhausted(4));
        assertTrue(policy.exhausted(5));
        assertTrue(policy.exhausted(6));
    }

    @Test
    void aMessageIsTooOldOnlyAfterTheMaximumAge() {
        Instant queued = Instant.parse("2026-01-01T00:00:00Z");
        assertFalse(policy.tooOld(queued, queued.plus(Duration.ofHours(1))));
        assertTrue(policy.tooOld(queued, queued.plus(Duration.ofHours(1)).plusMillis(1)));
        assertFalse(policy.tooOld(queued, queued.minusSeconds(5)), "a clock step back never expires it");
    }
}
