package vn.gov.eid.platform.deadletter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.outbox.KafkaClientSettings;

/**
 * Reads a service's own dead-letter topic with a plain consumer that assigns partitions and seeks (no consumer
 * group: reading commits nothing and moves no one's offsets), authenticated like the service's other Kafka clients.
 * The broker lets a service read its own dead-letter topic (deploy/kafka/access.conf).
 */
@ApplicationScoped
public class DeadLetterReader {

    /** How long one listing or look-up may take before it answers 503. */
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Inject
    KafkaClientSettings settings;

    /** The latest records of the topic, newest first, at most {@code limit}. */
    public List<ConsumerRecord<String, String>> latest(String topic, int limit) {
        try (KafkaConsumer<String, String> consumer = open()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, WITHIN);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, WITHIN);
            for (TopicPartition tp : partitions) {
                // the newest `limit` of every partition hold the newest `limit` of the topic
                consumer.seek(tp, Math.max(begin.get(tp), end.get(tp) - limit));
            }
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            readUntil(consumer, partitions, end, out);
            out.sort(Comparator.comparingLong((ConsumerRecord<String, String> r) -> r.timestamp())
                    .thenComparingInt(ConsumerRecord::partition)
                    .thenComparingLong(ConsumerRecord::offset)
                    .reversed());
            return out.size() <= limit ? out : List.copyOf(out.subList(0, limit));
        } catch (KafkaException e) {
            throw unavailable(topic, e);
        }
    }

    /** The record at this partition and offset, if the topic still holds one there. */
    public Optional<ConsumerRecord<String, String>> at(String topic, int partition, long offset) {
        try (KafkaConsumer<String, String> consumer = open()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            if (!partitions(consumer, topic).contains(tp)) {
                return Optional.empty();
            }
            List<TopicPartition> one = List.of(tp);
            consumer.assign(one);
            long begin = consumer.beginningOffsets(one, WITHIN).get(tp);
            long end = consumer.endOffsets(one, WITHIN).get(tp);
            if (offset < begin || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(tp, offset);
            List<ConsumerRecord<String, String>> out = new ArrayList<>();
            readUntil(consumer, one, Map.of(tp, offset + 1), out);
            return out.stream().filter(r -> r.offset() == offset).findFirst();
        } catch (KafkaException e) {
            throw unavailable(topic, e);
        }
    }

    private KafkaConsumer<String, String> open() {
        Map<String, Object> config = new HashMap<>(settings.consumer());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) WITHIN.toMillis());
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        var infos = consumer.partitionsFor(topic, WITHIN);
        return infos == null
                ? List.of()
                : infos.stream()
                        .map(i -> new TopicPartition(topic, i.partition()))
                        .toList();
    }

    /** Polls until every partition's position reached its end (a read_committed end skips aborted records). */
    private static void readUntil(
            KafkaConsumer<String, String> consumer,
            List<TopicPartition> partitions,
            Map<TopicPartition, Long> end,
            List<ConsumerRecord<String, String>> out) {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw DomainException.unavailable(
                                "dead-letters-unavailable",
                                "Dead letters unavailable",
                                "the dead-letter topic could not be read in time; try again")
                        .retryAfter(Duration.ofSeconds(5));
            }
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                    out.add(r);
                }
            }
        }
    }

    private static DomainException unavailable(String topic, KafkaException e) {
        io.quarkus.logging.Log.warnf("cannot read dead-letter topic %s: %s", topic, e.toString());
        return DomainException.unavailable(
                        "dead-letters-unavailable",
                        "Dead letters unavailable",
                        "the dead-letter topic cannot be read now; try again")
                .retryAfter(Duration.ofSeconds(5));
    }
}
