package vn.gov.eid.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.gov.eid.platform.signing.EventSigning;
import vn.gov.eid.platform.signing.KafkaRecordSignatures;

/**
 * Publishes one batch of unpublished outbox rows, in outbox order, and marks them published, all in one database
 * transaction that also holds one Kafka transaction.
 *
 * <p>A PostgreSQL advisory lock lets only one relay of a service publish at a time, and each batch is one Kafka
 * transaction, so read_committed consumers see every citizen's events in the order written even when Kafka fails
 * mid-batch.
 */
@ApplicationScoped
class OutboxPublisher {

    /** Advisory lock key shared by the relays of one database: "outbox" in ASCII. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxProducer producer;

    @Inject
    EventSigning signing;

    /** Publishes up to one batch in one transaction; returns how many rows it marked published. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select id, topic, event_key, event_type, payload::text, created_at "
                                    + "from outbox_event where published_at is null order by seq limit ?1")
                    .setParameter(1, config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<OutboxRow> batch = rows.stream().map(OutboxRow::of).toList();
            List<ProducerRecord<String, String>> records = new ArrayList<>(batch.size());
            for (OutboxRow row : batch) {
                ProducerRecord<String, String> record = row.toRecord(config.source());
                KafkaRecordSignatures.sign(signing.signer(), record);
                records.add(record);
            }
            if (!producer.sendAtomically(records)) {
                return 0;
            }
            List<UUID> ids = batch.stream().map(OutboxRow::id).toList();
            em.createNativeQuery("update outbox_event set published_at = now() where id in (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate();
            return ids.size();
        });
    }
}
