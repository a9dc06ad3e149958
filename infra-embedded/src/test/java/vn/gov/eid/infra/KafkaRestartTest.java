package vn.gov.eid.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A restarted broker comes back as the same broker: same address, the records written before, the SCRAM users and
 * the ACLs of deploy/kafka/access.conf (the replica system test restarts it under load and relies on all of them).
 */
class KafkaRestartTest {

    private static final String TOPIC = "dossier.events.v1";

    @Test
    void aRestartedBrokerKeepsItsAddressRecordsUsersAndAcls() throws Exception {
        Map<String, String> passwords = new HashMap<>();
        try (LocalKafka kafka = LocalKafka.startSecured()) {
            BrokerAccess access = BrokerAccess.read(Path.of("../deploy/kafka/access.conf"));
            access.principals().forEach(p -> passwords.put(p, p + "-password"));
            try (Admin admin = Admin.create(kafka.adminClient())) {
                access.apply(admin, passwords, 1);
            }
            String address = kafka.bootstrapServers();
            send(kafka, passwords, "dossier-service", "before");

            kafka.restartBroker(Duration.ofMillis(500));

            assertEquals(address, kafka.bootstrapServers(), "same port after the restart");
            send(kafka, passwords, "dossier-service", "after");
            assertEquals(List.of("before", "after"), readAll(kafka.scramClient("operator", passwords.get("operator"))));
            Exception refused = assertThrows(Exception.class, () -> send(kafka, passwords, "partner", "forged"));
            assertTrue(
                    refused.getCause() instanceof AuthorizationException,
                    "the partner is still refused by the ACLs: " + refused);
        }
    }

    private static void send(LocalKafka kafka, Map<String, String> passwords, String principal, String value)
            throws Exception {
        Properties p = kafka.scramClient(principal, passwords.get(principal));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "001203012345", value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(Properties settings) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
