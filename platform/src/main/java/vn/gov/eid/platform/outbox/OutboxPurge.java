package vn.gov.eid.platform.outbox;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.concurrent.TimeUnit;

/** Deletes published outbox rows once they are older than {@code eid.outbox.retention}, hourly. */
@ApplicationScoped
public class OutboxPurge {

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    /**
     * Deletes published rows older than the retention; unpublished rows are never touched.
     *
     * @return how many rows it deleted
     */
    public int purgePublished() {
        int deleted = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "delete from outbox_event where published_at is not null and published_at < now() - cast(?1 as interval)")
                        .setParameter(1, config.retention().toSeconds() + " seconds")
                        .executeUpdate());
        if (deleted > 0) {
            Log.infof("outbox: purged %d published event(s) older than %s", deleted, config.retention());
        }
        return deleted;
    }

    @Scheduled(
            every = "1h",
            delay = 1,
            delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeHourly() {
        purgePublished();
    }
}
