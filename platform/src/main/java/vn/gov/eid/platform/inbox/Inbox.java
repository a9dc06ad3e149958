package vn.gov.eid.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The consumer side of exactly-once processing: remembers which events (by ce_id) a consumer has handled,
 * in the same transaction as the handling, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /**
     * Records the event as processed by the consumer in the caller's transaction.
     *
     * @return true on the first delivery; false when this consumer has already processed the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        // A concurrent duplicate blocks on the primary key until the first commits, then inserts nothing.
        int inserted = em.createNativeQuery("insert into inbox_message (consumer, event_id) values (?1, ?2) "
                        + "on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
