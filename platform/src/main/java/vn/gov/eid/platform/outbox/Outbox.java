package vn.gov.eid.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Writes events to the transactional outbox: the row commits or rolls back with the caller's state change,
 * and {@link OutboxRelay} publishes it to Kafka after the commit.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<OutboxWritten> written;

    /**
     * Adds an event to the outbox inside the caller's transaction.
     *
     * @param topic  Kafka topic the relay publishes to
     * @param key    Kafka key (the personal ID number: ordering per citizen)
     * @param ceType CloudEvents type, reverse-DNS and versioned
     * @param data   the event data, serialised as JSON
     * @return the event id, which becomes ce_id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(String topic, String key, String ceType, Object data) {
        UUID id = UUID.randomUUID();
        String json;
        try {
            json = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data of type " + ceType + " is not serialisable", e);
        }
        em.createNativeQuery("insert into outbox_event (id, topic, event_key, event_type, payload) "
                        + "values (?1, ?2, ?3, ?4, cast(?5 as json))")
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, key)
                .setParameter(4, ceType)
                .setParameter(5, json)
                .executeUpdate();
        // Observed after a successful commit only: wakes the relay without waiting for its next poll.
        written.fire(new OutboxWritten(id));
        return id;
    }
}
