package vn.gov.eid.platform.inbox;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.gov.eid.platform.cloudevents.CloudEvent;
import vn.gov.eid.platform.signing.EventTrust;

/**
 * The consumer side of exactly-once processing: remembers which events (by ce_id) a consumer has handled,
 * in the same transaction as the handling, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    @Inject
    EventTrust trust;

    /**
     * Records the event as processed by the consumer in the caller's transaction.
     *
     * @return true on the first delivery; false when this consumer has already processed the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        // A concurrent duplicate blocks on the primary key until the first commits, then inserts nothing.
        int inserted = em.createNativeQuery(
                        "insert into inbox_message (consumer, event_id) values (?1, ?2) " + "on conflict do nothing")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .executeUpdate();
        return inserted == 1;
    }

    /**
     * The consumer's first step for a record: reads it as a CloudEvent, records its id in the caller's transaction,
     * and returns it when it is new to this consumer and of one of the types the consumer handles.
     *
     * @return empty for a redelivered event or a type the consumer ignores (the id is recorded either way)
     * @throws vn.gov.eid.platform.signing.UntrustedRecordException when the record is not provably from a trusted
     *     producer (no effect; the consumer's failure strategy dead-letters it)
     * @throws IllegalArgumentException when the record is not a CloudEvent (the consumer's failure strategy applies)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CloudEvent> accept(
            String consumer, ConsumerRecord<String, String> record, Set<String> handledTypes) {
        Delivery delivery = receive(consumer, record, handledTypes);
        return delivery.toHandle() ? Optional.of(delivery.event()) : Optional.empty();
    }

    /**
     * What {@link #accept} decides, said in full: a re-drive must tell an event processed before (409) from one of a
     * type the consumer ignores.
     *
     * @param event the record read as a CloudEvent
     * @param first whether this consumer sees the event for the first time (its id is now recorded)
     * @param handled whether the consumer handles events of this type
     */
    public record Delivery(CloudEvent event, boolean first, boolean handled) {
        /** A first delivery of a type the consumer handles: the consumer acts on it. */
        public boolean toHandle() {
            return first && handled;
        }
    }

    /**
     * Checks the record's signature, reads it as a CloudEvent and records its id for the consumer, in the caller's
     * transaction; the exceptions are those of {@link #accept}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Delivery receive(String consumer, ConsumerRecord<String, String> record, Set<String> handledTypes) {
        // before the inbox row: a forged record must not even claim an event id that a genuine one will carry
        trust.check(record);
        CloudEvent event = CloudEvent.from(record);
        boolean first = firstDelivery(consumer, event.id());
        if (!first) {
            Log.debugf("%s: event %s already processed; skipped", consumer, event.id());
        }
        return new Delivery(event, first, handledTypes.contains(event.type()));
    }
}
