package vn.gov.eid.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the outbox relay of a service. */
@ConfigMapping(prefix = "eid.outbox")
public interface OutboxConfig {

    /** ce_source of the events this service publishes, e.g. /eid/identity-service. */
    String source();

    /** Topics this service produces to; created at start when missing. */
    Optional<List<String>> topics();

    /** Partitions of a topic the relay creates. */
    @WithDefault("3")
    int topicPartitions();

    /** Replication factor of a topic the relay creates. */
    @WithDefault("1")
    short topicReplicationFactor();

    /** Most events published per relay transaction. */
    @WithDefault("200")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch before it retries later. */
    @WithDefault("10s")
    Duration sendTimeout();

    /**
     * How often the relay looks for unpublished rows besides the wake-up after each commit: this retries while Kafka
     * is away. Read by the relay's schedule expression.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long published rows are kept (for audit and replay by hand) before the hourly purge deletes them. */
    @WithDefault("7d")
    Duration retention();

    /**
     * Failed attempts after which a row that fails by itself (too large, refused by the signer, a topic the service
     * may not write) is quarantined: skipped, so the rows behind it flow on. Kafka being away counts no attempt.
     */
    @WithDefault("5")
    int maxAttempts();

    /**
     * Age of the oldest unpublished (not quarantined) row above which the readiness check "outbox" is DOWN: the relay
     * is stuck (Kafka away for long, the relay not running). Quarantined rows never make the service unready.
     */
    @WithDefault("5m")
    Duration readyMaxAge();

    /** Whether the relay runs in this process (off only in tests that inspect unpublished rows). */
    @WithDefault("true")
    boolean relayEnabled();
}
