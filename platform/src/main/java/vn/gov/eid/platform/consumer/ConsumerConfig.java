package vn.gov.eid.platform.consumer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers retry a record whose handling failed transiently ({@link TransientFailures}). */
@ConfigMapping(prefix = "eid.consumer.retry")
public interface ConsumerConfig {

    /** Wait before the first retry; each further wait doubles, up to {@link #maxDelay()}. */
    @WithDefault("200ms")
    Duration initialDelay();

    /** Longest wait between two attempts at the same record (the record is retried for as long as it takes). */
    @WithDefault("30s")
    Duration maxDelay();

    /** Random spread added to each wait, so the replicas of a service do not all hit a recovering database at once. */
    @WithDefault("100ms")
    Duration jitter();

    /**
     * How many times an operator's re-drive retries a transient failure (with the same backoff) before it answers
     * 503: an HTTP request does not wait for the database to come back.
     */
    @WithDefault("3")
    int redriveRetries();
}
