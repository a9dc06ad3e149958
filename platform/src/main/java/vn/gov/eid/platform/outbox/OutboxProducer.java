package vn.gov.eid.platform.outbox;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.gov.eid.platform.instance.InstanceId;

/** The relay's transactional Kafka producer: created on first use, replaced after a failed batch. */
@ApplicationScoped
class OutboxProducer {

    @Inject
    OutboxConfig config;

    @Inject
    KafkaClientSettings connection;

    @Inject
    InstanceId instance;

    private volatile KafkaProducer<String, String> producer;

    /**
     * Sends the records in one Kafka transaction: all of them become visible to read_committed consumers, in order, or
     * none does. Without it a record that failed could be overtaken by later ones that succeeded, and the retry would
     * deliver it after them, out of order for its citizen.
     *
     * @return committed; or not, with whether a record caused it (a row to look for) or Kafka was away
     */
    SendOutcome sendAtomically(List<ProducerRecord<String, String>> records) {
        // a refused record reports its own failure here; the exception thrown later may only say "aborted"
        List<Exception> reported = Collections.synchronizedList(new ArrayList<>());
        try {
            KafkaProducer<String, String> p = producer();
            p.beginTransaction();
            for (ProducerRecord<String, String> record : records) {
                p.send(record, (metadata, e) -> {
                    if (e != null) {
                        reported.add(e);
                    }
                });
            }
            p.commitTransaction();
            return SendOutcome.PUBLISHED;
        } catch (RuntimeException e) {
            // Retried with a new producer; its initTransactions() aborts what this one left open.
            discard();
            Throwable rejection = RecordRejections.find(e, List.copyOf(reported));
            if (rejection != null) {
                // the publisher finds the row and logs its attempt
                Log.debugf(
                        "outbox relay: Kafka refused a record of %d event(s) (%s)",
                        records.size(), RecordRejections.describe(rejection));
                return SendOutcome.rejected(RecordRejections.describe(rejection));
            }
            Log.warnf("outbox relay: %d event(s) not published, retrying (%s)", records.size(), e.getMessage());
            return SendOutcome.KAFKA_AWAY;
        }
    }

    /** Closes the producer, letting sent records go out for a few seconds. */
    void close() {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    private void discard() {
        KafkaProducer<String, String> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(Duration.ZERO);
            } catch (RuntimeException e) {
                // closing a broken producer: nothing more to do
            }
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            KafkaProducer<String, String> created =
                    new KafkaProducer<>(properties(), new StringSerializer(), new StringSerializer());
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    /**
     * One transactional id per replica, under the prefix deploy/kafka/access.conf allows the service
     * ({@code outbox-relay-eid-<service>-}): with one id for all replicas, each hand-over of the advisory lock fenced
     * the other replica's producer. The advisory lock, not the id, keeps one publisher at a time.
     */
    static String transactionalId(String source, String instance) {
        return "outbox-relay" + source.replace('/', '-') + "-" + instance;
    }

    /**
     * How long the broker lets a transaction of this relay stay open: a crashed replica's open transaction holds back
     * read_committed readers of the partitions it wrote until the broker aborts it, and no other replica aborts it any
     * more (their ids differ; only a restart under the same EID_INSTANCE_ID does). A sound transaction lasts at most
     * the sends (delivery timeout: send-timeout) and the commit (max.block: send-timeout), so three send-timeouts
     * (30 s by default, was 60 s) leave a margin; a transaction that outlives it is fenced and retried like an outage.
     */
    static long transactionTimeout(long sendTimeoutMillis) {
        return Math.max(3 * sendTimeoutMillis, 3000);
    }

    private Properties properties() {
        long sendTimeout = config.sendTimeout().toMillis();
        String id = transactionalId(config.source(), instance.get());
        Properties p = new Properties();
        p.putAll(connection.producer());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        // bounds initTransactions, metadata waits and commitTransaction while Kafka is away
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(sendTimeout));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(sendTimeout, 1000)));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(sendTimeout - 100, 500)));
        p.put(ProducerConfig.CLIENT_ID_CONFIG, id);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, String.valueOf(transactionTimeout(sendTimeout)));
        return p;
    }
}
