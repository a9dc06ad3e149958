package vn.gov.eid.platform;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.UUID;

/** Counts outbox rows, each time in a transaction of its own, for tests that watch the relay work. */
public final class OutboxRows {

    private OutboxRows() {}

    /** Rows matching {@code condition} (SQL over outbox_event, parameters ?1, ?2, ...). */
    public static long count(EntityManager em, String condition, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = em.createNativeQuery("select count(*) from outbox_event where " + condition);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** 1 while the row exists, 0 once it is gone (or never committed). */
    public static long withId(EntityManager em, UUID id) {
        return count(em, "id = ?1", id);
    }

    public static boolean published(EntityManager em, UUID id) {
        return count(em, "id = ?1 and published_at is not null", id) == 1;
    }

    public static long unpublished(EntityManager em) {
        return count(em, "published_at is null");
    }
}
