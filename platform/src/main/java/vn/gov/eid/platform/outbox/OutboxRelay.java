package vn.gov.eid.platform.outbox;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import vn.gov.eid.platform.concurrent.DaemonThreads;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.gov.eid.platform.cloudevents.CloudEventHeaders;

/**
 * Publishes outbox rows to Kafka as binary-mode CloudEvents, in outbox order, right after the writing
 * transaction commits (and on a short poll, which also retries while Kafka is unreachable).
 *
 * <p>A PostgreSQL advisory lock lets only one relay of a service publish at a time, and each batch is one Kafka
 * transaction, so read_committed consumers see every citizen's events in the order written even when Kafka fails
 * mid-batch. Publication is at-least-once: a crash between the Kafka commit and the commit of published_at
 * republishes the same ce_id, which consumers drop through their inbox.
 */
@ApplicationScoped
public class OutboxRelay {

    /** Advisory lock key shared by the relays of one database: "outbox" in ASCII. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final AtomicBoolean topicsReady = new AtomicBoolean();
    private ExecutorService worker;
    private volatile KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        worker = Executors.newSingleThreadExecutor(DaemonThreads.named("outbox-relay"));
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdown();
            try {
                worker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    @Scheduled(every = "${eid.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /**
     * Deletes published rows older than the retention; unpublished rows are never touched.
     *
     * @return how many rows it deleted
     */
    public int purgePublished() {
        int deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "delete from outbox_event where published_at is not null and published_at < now() - cast(?1 as interval)")
                .setParameter(1, config.retention().toSeconds() + " seconds")
                .executeUpdate());
        if (deleted > 0) {
            Log.infof("outbox: purged %d published event(s) older than %s", deleted, config.retention());
        }
        return deleted;
    }

    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeHourly() {
        purgePublished();
    }

    /** Asks the relay to drain the outbox; cheap and safe to call from any thread. */
    public void wake() {
        if (worker != null && !worker.isShutdown() && wakeRequested.compareAndSet(false, true)) {
            worker.submit(this::drain);
        }
    }

    private void drain() {
        wakeRequested.set(false);
        try {
            ensureTopics();
            while (publishBatch() == config.batchSize()) {
                // a full batch: more rows are probably waiting
            }
        } catch (RuntimeException e) {
            Log.warnf("outbox relay: publishing deferred (%s)", e.getMessage());
        }
    }

    /** Publishes up to one batch in one transaction; returns how many rows it marked published. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select id, topic, event_key, event_type, payload::text, created_at "
                            + "from outbox_event where published_at is null order by seq limit ?1")
                    .setParameter(1, config.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<UUID> ids = new ArrayList<>(rows.size());
            rows.forEach(row -> ids.add((UUID) row[0]));
            if (!sendAtomically(rows)) {
                return 0;
            }
            em.createNativeQuery("update outbox_event set published_at = now() where id in (:ids)")
                    .setParameter("ids", ids).executeUpdate();
            return ids.size();
        });
    }

    /**
     * Sends the rows in one Kafka transaction: all of them become visible to read_committed consumers, in order, or
     * none does. Without it a record that failed could be overtaken by later ones that succeeded, and the retry would
     * deliver it after them, out of order for its citizen.
     */
    private boolean sendAtomically(List<Object[]> rows) {
        KafkaProducer<String, String> p = producer();
        try {
            p.beginTransaction();
            for (Object[] row : rows) {
                p.send(toRecord(row));
            }
            p.commitTransaction();
            return true;
        } catch (RuntimeException e) {
            // The batch is retried as a whole with a new producer; initTransactions() aborts what this one left open.
            Log.warnf("outbox relay: %d event(s) not published, retrying (%s)", rows.size(), e.getMessage());
            discardProducer();
            return false;
        }
    }

    private void discardProducer() {
        KafkaProducer<String, String> p = producer;
        producer = null;
        if (p != null) {
            try {
                p.close(java.time.Duration.ZERO);
            } catch (RuntimeException e) {
                // closing a broken producer: nothing more to do
            }
        }
    }

    private ProducerRecord<String, String> toRecord(Object[] row) {
        UUID id = (UUID) row[0];
        ProducerRecord<String, String> record = new ProducerRecord<>((String) row[1], (String) row[2], (String) row[4]);
        Instant created = row[5] instanceof OffsetDateTime odt ? odt.toInstant()
                : row[5] instanceof Instant in ? in : Instant.now();
        header(record, CloudEventHeaders.SPECVERSION, "1.0");
        header(record, CloudEventHeaders.ID, id.toString());
        header(record, CloudEventHeaders.SOURCE, config.source());
        header(record, CloudEventHeaders.TYPE, (String) row[3]);
        header(record, CloudEventHeaders.TIME, created.atOffset(ZoneOffset.UTC).toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            // bounds initTransactions, metadata waits and commitTransaction while Kafka is away
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(config.sendTimeout().toMillis()));
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(config.sendTimeout().toMillis(), 1000)));
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(config.sendTimeout().toMillis() - 100, 500)));
            p.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'));
            // One transactional id per service: a relay that starts fences any older one still running.
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "outbox-relay" + config.source().replace('/', '-'));
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
            KafkaProducer<String, String> created = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
            try {
                created.initTransactions();
            } catch (RuntimeException e) {
                created.close(java.time.Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    private void ensureTopics() {
        if (topicsReady.get()) {
            return;
        }
        List<String> wanted = config.topics().orElse(List.of());
        if (!wanted.isEmpty()) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000"))) {
                Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t))
                        .map(t -> new NewTopic(t, config.topicPartitions(), config.topicReplicationFactor()))
                        .collect(Collectors.toList());
                if (!missing.isEmpty()) {
                    admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                    Log.infof("outbox relay: created topics %s", missing.stream().map(NewTopic::name).toList());
                }
            } catch (Exception e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw new IllegalStateException("cannot create topics " + wanted + ": " + e.getMessage(), e);
                }
            }
        }
        topicsReady.set(true);
    }
}
