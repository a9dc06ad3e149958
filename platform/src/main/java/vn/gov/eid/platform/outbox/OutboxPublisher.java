package vn.gov.eid.platform.outbox;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.gov.eid.platform.signing.EventSigning;
import vn.gov.eid.platform.signing.KafkaRecordSignatures;

/**
 * Publishes one batch of unpublished outbox rows, in outbox order, and marks them published, all in one database
 * transaction that also holds the Kafka transactions; sets aside a row that keeps failing by itself.
 *
 * <p>A PostgreSQL advisory lock lets only one relay of a service publish at a time, and each batch is one Kafka
 * transaction, so read_committed consumers see every citizen's events in the order written even when Kafka fails
 * mid-batch. When Kafka refuses a batch because of a record, the rows are sent one by one, in order, up to the one
 * refused: the rows before it go out, that row counts a failed attempt and, after {@code eid.outbox.max-attempts},
 * is quarantined (skipped from then on), so the rows behind it flow on. Kafka being away counts against no row.
 */
@ApplicationScoped
class OutboxPublisher {

    /** Advisory lock key shared by the relays of one database: "outbox" in ASCII. */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxProducer producer;

    @Inject
    EventSigning signing;

    /** How a run of rows went: all out, or stopped (Kafka away or a row refused) with whether to go on at once. */
    private record Run(boolean allOut, boolean goOn) {
        static final Run ALL_OUT = new Run(true, true);

        static Run stopped(boolean goOn) {
            return new Run(false, goOn);
        }
    }

    /**
     * Publishes up to one batch in one transaction.
     *
     * @return whether another batch should follow at once: this one was full, or it set a row aside
     */
    boolean publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK)
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return false;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, topic, event_key, event_type, payload::text,"
                            + " created_at from outbox_event where published_at is null and quarantined_at is null"
                            + " order by seq limit ?1")
                    .setParameter(1, config.batchSize())
                    .getResultList();
            List<OutboxRow> batch = rows.stream().map(OutboxRow::of).toList();
            // a row that cannot become a signed record (the signer refuses it) is a culprit found before Kafka
            List<ProducerRecord<String, String>> records = new ArrayList<>(batch.size());
            String unbuildable = null;
            for (OutboxRow row : batch) {
                try {
                    records.add(record(row));
                } catch (RuntimeException e) {
                    if (!signerWorks()) {
                        // the signer itself is broken (its key): no row's fault, every row waits
                        Log.warnf("outbox relay: events cannot be signed, publishing deferred (%s)", e.getMessage());
                        return false;
                    }
                    unbuildable = RecordRejections.describe(e);
                    break;
                }
            }
            Run run = publish(batch.subList(0, records.size()), records);
            if (!run.allOut()) {
                return run.goOn();
            }
            if (unbuildable != null) {
                return countFailure(batch.get(records.size()), unbuildable);
            }
            return batch.size() == config.batchSize();
        });
    }

    private Run publish(List<OutboxRow> rows, List<ProducerRecord<String, String>> records) {
        if (rows.isEmpty()) {
            return Run.ALL_OUT;
        }
        SendOutcome outcome = producer.sendAtomically(records);
        return switch (outcome.kind()) {
            case PUBLISHED -> {
                markPublished(rows);
                yield Run.ALL_OUT;
            }
            case KAFKA_AWAY -> Run.stopped(false);
            // a batch of one has named its culprit already
            case REJECTED ->
                rows.size() == 1 ? Run.stopped(countFailure(rows.get(0), outcome.error())) : oneByOne(rows);
        };
    }

    /**
     * After a batch Kafka refused because of a record: each row alone, in order, up to the one refused, which counts an
     * attempt. Rows after it wait for the next pass, so a citizen's events stay in order until a row is quarantined.
     */
    private Run oneByOne(List<OutboxRow> rows) {
        for (OutboxRow row : rows) {
            // built again: the producer made the sent record's headers read-only
            SendOutcome outcome = producer.sendAtomically(List.of(record(row)));
            switch (outcome.kind()) {
                case PUBLISHED -> markPublished(List.of(row));
                case KAFKA_AWAY -> {
                    return Run.stopped(false);
                }
                case REJECTED -> {
                    return Run.stopped(countFailure(row, outcome.error()));
                }
            }
        }
        // refused together, accepted one by one: nothing to count
        return Run.ALL_OUT;
    }

    private ProducerRecord<String, String> record(OutboxRow row) {
        ProducerRecord<String, String> record = row.toRecord(config.source());
        KafkaRecordSignatures.sign(signing.signer(), record);
        return record;
    }

    /** Whether the signer signs a record of no one: if not, a row it refused is not at fault. */
    private boolean signerWorks() {
        try {
            record(new OutboxRow(new UUID(0, 0), "probe", "probe", "probe", "{}", Instant.now()));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void markPublished(List<OutboxRow> rows) {
        List<UUID> ids = rows.stream().map(OutboxRow::id).toList();
        em.createNativeQuery("update outbox_event set published_at = now() where id in (:ids)")
                .setParameter("ids", ids)
                .executeUpdate();
    }

    /**
     * Counts a failed attempt of a row that failed by itself and quarantines it at the limit; logged as an error once,
     * when quarantined (the key, a personal ID number, and the payload are never logged).
     *
     * @return whether the relay should go on at once: yes past a quarantined row, else after the poll interval
     */
    private boolean countFailure(OutboxRow row, String error) {
        int max = config.maxAttempts();
        Object[] after = (Object[]) em.createNativeQuery("update outbox_event set attempts = attempts + 1,"
                        + " last_error = ?2, quarantined_at = case when attempts + 1 >= ?3 then now() end"
                        + " where id = ?1 returning attempts, quarantined_at is not null")
                .setParameter(1, row.id())
                .setParameter(2, error)
                .setParameter(3, max)
                .getSingleResult();
        int attempts = ((Number) after[0]).intValue();
        if (Boolean.TRUE.equals(after[1])) {
            Log.errorf(
                    "outbox relay: event %s (%s to %s) quarantined after %d failed attempts, later events go"
                            + " ahead of it until an operator releases it: %s",
                    row.id(), row.type(), row.topic(), attempts, error);
            return true;
        }
        Log.warnf(
                "outbox relay: event %s (%s to %s) failed by itself, attempt %d of %d: %s",
                row.id(), row.type(), row.topic(), attempts, max, error);
        return false;
    }
}
