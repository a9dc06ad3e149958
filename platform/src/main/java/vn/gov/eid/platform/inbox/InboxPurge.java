package vn.gov.eid.platform.inbox;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Forgets the ids of events consumed longer ago than {@code eid.inbox.retention}, hourly. The retention must outlast
 * the time a record can be read again from its topic (Kafka keeps records 7 days by default; a consumer group reset
 * re-reads what is kept), or a redelivered event would have its effect twice.
 */
@ApplicationScoped
public class InboxPurge {

    /** Settings of the consumer inbox. */
    @ConfigMapping(prefix = "eid.inbox")
    public interface InboxConfig {
        /** How long a consumed event's id is remembered; longer than the retention of every consumed topic. */
        @WithDefault("30d")
        Duration retention();
    }

    @Inject
    EntityManager em;

    @Inject
    InboxConfig config;

    /**
     * Deletes the inbox rows older than the retention.
     *
     * @return how many rows it deleted
     */
    public int purgeExpired() {
        int deleted = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "delete from inbox_message where received_at < now() - cast(?1 as interval)")
                        .setParameter(1, config.retention().toSeconds() + " seconds")
                        .executeUpdate());
        if (deleted > 0) {
            Log.infof("inbox: forgot %d event id(s) consumed more than %s ago", deleted, config.retention());
        }
        return deleted;
    }

    @Scheduled(
            every = "1h",
            delay = 2,
            delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeHourly() {
        purgeExpired();
    }
}
