package vn.gov.eid.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads and writes records on the real broker the tests run against. */
public final class TestKafka {

    private TestKafka() {}

    /** The broker of the running test (config kafka.bootstrap.servers). */
    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Every record currently in the topic, from the beginning of each partition (empty when the topic is missing). */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(bootstrapServers(), topic);
    }

    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return readAll(p, topic);
    }

    /** Reads a topic from its beginning to its current end, connected with the given client settings (no group). */
    public static List<ConsumerRecord<String, String>> readAll(Properties connection, String topic) {
        Properties p = new Properties();
        p.putAll(connection);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                return out;
            }
            List<TopicPartition> tps = partitions.stream()
                    .map(i -> new TopicPartition(topic, i.partition()))
                    .toList();
            consumer.assign(tps);
            consumer.seekToBeginning(tps);
            Map<TopicPartition, Long> end = consumer.endOffsets(tps, Duration.ofSeconds(5));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (tps.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read topic " + topic + " to its end within 15 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /** Sends an unsigned binary-mode CloudEvent from source /eid/test and waits for the broker's acknowledgement. */
    public static void sendCloudEvent(String topic, String key, String ceType, String ceId, String jsonData) {
        sendCloudEvent(topic, key, ceType, ceId, jsonData, "/eid/test", record -> record);
    }

    /**
     * Sends a binary-mode CloudEvent from {@code source}; {@code beforeSend} turns the finished record into the one
     * sent (to sign it, or to tamper with it), and the method waits for the broker's acknowledgement.
     */
    public static void sendCloudEvent(
            String topic,
            String key,
            String ceType,
            String ceId,
            String jsonData,
            String source,
            UnaryOperator<ProducerRecord<String, String>> beforeSend) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, jsonData);
            record.headers().add("ce_specversion", bytes("1.0"));
            record.headers().add("ce_id", bytes(ceId));
            record.headers().add("ce_source", bytes(source));
            record.headers().add("ce_type", bytes(ceType));
            record.headers().add("ce_time", bytes(java.time.OffsetDateTime.now().toString()));
            record.headers().add("content-type", bytes("application/json"));
            producer.send(beforeSend.apply(record)).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send test event to " + topic + ": " + e.getMessage(), e);
        }
    }

    /** The current end offset of each partition of the topic (empty when the topic is missing). */
    public static Map<TopicPartition, Long> endOffsets(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null) {
                return Map.of();
            }
            return consumer.endOffsets(
                    partitions.stream()
                            .map(i -> new TopicPartition(topic, i.partition()))
                            .toList(),
                    Duration.ofSeconds(5));
        }
    }

    /**
     * Whether the consumer group has committed at least these offsets (a partition at 0 needs nothing), so that a
     * test can assert what did NOT happen after a delivery; to be polled (Awaitility).
     */
    public static boolean committed(String group, Map<TopicPartition, Long> offsets) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS);
            return offsets.entrySet().stream()
                    .allMatch(e -> e.getValue() == 0
                            || (committed.get(e.getKey()) != null
                                    && committed.get(e.getKey()).offset() >= e.getValue()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of consumer group " + group, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
