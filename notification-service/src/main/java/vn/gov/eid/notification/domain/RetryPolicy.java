package vn.gov.eid.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * When a message that failed transiently is tried again, and when it is given up. Attempts and age count from its
 * last (re)queue, so an operator retry starts both afresh.
 */
public record RetryPolicy(int maxAttempts, Duration maxAge, Duration backoffInitial, Duration backoffMax) {

    /** Whether a message (re)queued at {@code queuedAt} is past the maximum age at {@code now}. */
    public boolean tooOld(Instant queuedAt, Instant now) {
        return Duration.between(queuedAt, now).compareTo(maxAge) > 0;
    }

    /** Whether no attempt is left once {@code attemptsSinceQueue} attempts have failed. */
    public boolean exhausted(int attemptsSinceQueue) {
        return attemptsSinceQueue >= maxAttempts;
    }

    /**
     * Delay before the next attempt after {@code attemptsSinceQueue} attempts: the initial delay doubled per
     * attempt after the first, capped at the maximum, plus up to 50 % jitter drawn from {@code random} (the jitter
     * spreads the retries of messages that failed together, e.g. when the SMSC throttled a burst).
     */
    public Duration backoff(int attemptsSinceQueue, RandomGenerator random) {
        long base = backoffInitial.toMillis() << Math.min(20, Math.max(0, attemptsSinceQueue - 1));
        long capped = Math.min(base, backoffMax.toMillis());
        return Duration.ofMillis(capped + random.nextLong(capped / 2 + 1));
    }
}
