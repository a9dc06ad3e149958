package vn.gov.eid.platform.outbox;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** The relay's transactional Kafka producer: created on first use, replaced after a failed batch. */
@ApplicationScoped
class OutboxProducer {

    @Inject
    OutboxConfig config;

    @Inject
    KafkaClientSettings connection;

    private volatile KafkaProducer<String, String> producer;

    /**
     * Sends the records in one Kafka transaction: all of them become visible to read_committed consumers, in order, or
     * none does. Without it a record that failed could be overtaken by later ones that succeeded, and the retry would
     * deliver it after them, out of order for its citizen.
     *
     * @return whether the transaction committed
     */
    boolean sendAtomically(List<ProducerRecord<String, String>> records) {
        KafkaProducer<String, String> p = producer();
        try {
            p.beginTransaction();
            for (ProducerRecord<String, String> record : records) {
                p.send(record);
            }
            p.commitTransaction();
            return true;
        } catch (RuntimeException e) {
            // The batch is retried as a whole with a new producer; initTransactions() aborts what this one left open.
            Log.warnf("outbox relay: %d event(s) not published, retrying (%s)", records.size(), e.getMessage());
            discard();
            return false;
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

    private Properties properties() {
        long sendTimeout = config.sendTimeout().toMillis();
        String id = "outbox-relay" + config.source().replace('/', '-');
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
        // One transactional id per service: a relay that starts fences any older one still running.
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
        return p;
    }
}
