package vn.gov.eid.platform.deadletter;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.config.Config;
import vn.gov.eid.platform.cloudevents.CloudEventHeaders;
import vn.gov.eid.platform.consumer.ConsumedRecords;
import vn.gov.eid.platform.consumer.ConsumedRecords.Outcome;
import vn.gov.eid.platform.consumer.EventConsumer;
import vn.gov.eid.platform.consumer.TransientFailures;
import vn.gov.eid.platform.error.DomainException;

/**
 * The operators' view of the service's dead-letter topic and their re-drive: a dead-lettered record runs through
 * exactly the consumer's path again (signature, inbox, handler: {@link ConsumedRecords}), so it has its effect at
 * most once however often it is re-driven or redelivered, and every re-drive is kept in the audit trail.
 */
@ApplicationScoped
public class DeadLetters {

    /** Headers the dead-letter strategy of SmallRye Kafka adds (KafkaDeadLetterQueue): where the record came from. */
    static final String ORIGINAL_TOPIC = "dead-letter-topic";

    static final String ORIGINAL_PARTITION = "dead-letter-partition";
    static final String ORIGINAL_OFFSET = "dead-letter-offset";
    static final String REASON = "dead-letter-reason";
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";

    @Inject
    Instance<EventConsumer> consumers;

    @Inject
    ConsumedRecords records;

    @Inject
    DeadLetterReader reader;

    @Inject
    RedriveLog log;

    @Inject
    Config config;

    private EventConsumer consumer;
    private String topic;

    @PostConstruct
    void init() {
        if (!consumers.isResolvable()) {
            throw new IllegalStateException("the dead-letter endpoint needs exactly one EventConsumer bean in the"
                    + " service (eid.dead-letters.endpoint=true)");
        }
        consumer = consumers.get();
        String prefix = "mp.messaging.incoming." + consumer.channel() + ".";
        // SmallRye Kafka's own default when the channel names no dead-letter topic
        topic = config.getOptionalValue(prefix + "dead-letter-queue.topic", String.class)
                .orElse("dead-letter-topic-" + consumer.channel());
    }

    /** The dead-letter topic this service reads. */
    public String topic() {
        return topic;
    }

    /**
     * The consumer's dead letters among the newest {@code limit} records of the topic, newest first, each with its
     * re-drives.
     */
    public List<DeadLetter> latest(int limit) {
        List<ConsumerRecord<String, String>> dead = reader.latest(topic, limit).stream()
                .filter(DeadLetters::isConsumerDeadLetter)
                .toList();
        if (dead.isEmpty()) {
            return List.of();
        }
        long oldest = dead.stream().mapToLong(ConsumerRecord::offset).min().orElse(0);
        Map<String, List<RedriveLog.Entry>> trails = log.since(topic, oldest);
        return dead.stream()
                .map(r -> view(r, trails.getOrDefault(RedriveLog.key(r.partition(), r.offset()), List.of())))
                .toList();
    }

    /**
     * Re-drives one dead letter on behalf of an operator.
     *
     * @return the dead letter with this re-drive
     * @throws DomainException not found (no such record), conflict (processed before: the inbox knows its event id),
     *     unprocessable (it fails again, permanently; recorded with the reason) or unavailable (a transient failure
     *     outlasted the re-drive's few retries; nothing recorded, try again)
     */
    public DeadLetter redrive(int partition, long offset, String operator, String reason) {
        ConsumerRecord<String, String> dead = reader.at(topic, partition, offset)
                .filter(DeadLetters::isConsumerDeadLetter)
                .orElseThrow(() -> DomainException.notFound(
                        "dead-letter-not-found",
                        "No such dead letter",
                        "the dead-letter topic holds no dead letter of the consumer at partition " + partition
                                + ", offset " + offset));
        String eventId = header(dead.headers(), CloudEventHeaders.ID);
        Outcome outcome;
        try {
            outcome = records.redrive(
                    consumer,
                    original(dead),
                    o -> log.record(topic, partition, offset, eventId, operator, reason, o.name(), null));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (TransientFailures.isTransient(e) || e instanceof InterruptedException) {
                throw DomainException.unavailable(
                                "redrive-unavailable",
                                "Re-drive not possible now",
                                "the record could not be processed for a passing reason ("
                                        + TransientFailures.describe(e) + "); try again")
                        .retryAfter(Duration.ofSeconds(10));
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            QuarkusTransaction.requiringNew()
                    .run(() -> log.record(topic, partition, offset, eventId, operator, reason, "FAILED", why));
            Log.warnf("%s re-drove dead letter %s-%d@%d: fails again", operator, topic, partition, offset);
            throw DomainException.unprocessable(
                            "redrive-failed",
                            "The record fails again",
                            "the record cannot be processed: " + RedriveLog.bounded(why))
                    .with("partition", partition)
                    .with("offset", offset);
        }
        Log.infof(
                "%s re-drove dead letter %s-%d@%d (event %s): %s",
                operator, topic, partition, offset, eventId, outcome);
        if (outcome == Outcome.ALREADY_PROCESSED) {
            throw DomainException.conflict(
                            "dead-letter-already-processed",
                            "Already processed",
                            "event " + eventId + " was processed before; re-driving it changes nothing")
                    .with("partition", partition)
                    .with("offset", offset);
        }
        return view(dead, log.of(topic, partition, offset));
    }

    /**
     * Whether the record is one the consumer's failure strategy dead-lettered (it carries the reason). The topic may
     * hold others: notification-service publishes its own undeliverable-SMS events there, which are not re-drivable.
     */
    static boolean isConsumerDeadLetter(ConsumerRecord<String, String> record) {
        return record.headers().lastHeader(REASON) != null;
    }

    /**
     * The record as it was consumed before it was dead-lettered: its original topic, partition and offset (from the
     * dead-letter headers), its key, value and headers without those the dead-letter strategy added; the signature
     * covers what the producer signed, so it verifies as it did then.
     */
    static ConsumerRecord<String, String> original(ConsumerRecord<String, String> dead) {
        Headers headers = new RecordHeaders();
        for (Header h : dead.headers()) {
            if (!h.key().startsWith(DEAD_LETTER_HEADERS)) {
                headers.add(h);
            }
        }
        String topic =
                Optional.ofNullable(header(dead.headers(), ORIGINAL_TOPIC)).orElse(dead.topic());
        int partition = (int) number(header(dead.headers(), ORIGINAL_PARTITION), dead.partition());
        long offset = number(header(dead.headers(), ORIGINAL_OFFSET), dead.offset());
        return new ConsumerRecord<>(
                topic,
                partition,
                offset,
                dead.timestamp(),
                TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE,
                ConsumerRecord.NULL_SIZE,
                dead.key(),
                dead.value(),
                headers,
                Optional.empty());
    }

    /** A number from a header (only informative for the re-drive: log lines name it), or the fallback. */
    private static long number(String header, long fallback) {
        try {
            return header == null ? fallback : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static DeadLetter view(ConsumerRecord<String, String> r, List<RedriveLog.Entry> trail) {
        boolean redriven = trail.stream().anyMatch(e -> "HANDLED".equals(e.outcome()) || "IGNORED".equals(e.outcome()));
        DeadLetter.Redrive last = trail.isEmpty()
                ? null
                : trail.stream()
                        .reduce((a, b) -> b)
                        .map(e -> new DeadLetter.Redrive(e.outcome(), e.operator(), e.reason(), e.detail(), e.at()))
                        .orElseThrow();
        String reason = header(r.headers(), REASON);
        return new DeadLetter(
                r.partition(),
                r.offset(),
                Instant.ofEpochMilli(r.timestamp()),
                reason == null ? null : RedriveLog.bounded(reason),
                header(r.headers(), CloudEventHeaders.ID),
                header(r.headers(), CloudEventHeaders.TYPE),
                redriven,
                last);
    }

    private static String header(Headers headers, String name) {
        return CloudEventHeaders.text(headers, name);
    }
}
