package vn.gov.eid.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The embedded servers are real: SQL round-trips through PostgreSQL, a record through the Kafka broker. */
class LocalInfraTest {

    @Test
    void postgresServesSqlOnTheDatabaseItCreated() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(0, null)) {
            pg.createDatabase("probe_db");
            pg.createDatabase("probe_db"); // a second call is a no-op
            try (Connection c = DriverManager.getConnection(
                            pg.jdbcUrl("probe_db"), LocalPostgres.USER, LocalPostgres.PASSWORD);
                    ResultSet rs = c.createStatement().executeQuery("select current_database(), version()")) {
                assertTrue(rs.next());
                assertEquals("probe_db", rs.getString(1));
                assertTrue(rs.getString(2).startsWith("PostgreSQL"), rs.getString(2));
            }
        }
    }

    @Test
    void kafkaDeliversAProducedRecordToAConsumerGroup() throws Exception {
        try (LocalKafka kafka = LocalKafka.start()) {
            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(pp, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe.v1", "001203012345", "{\"hello\":1}"))
                        .get();
            }
            Properties cp = new Properties();
            cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            cp.put(ConsumerConfig.GROUP_ID_CONFIG, "probe");
            cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            List<ConsumerRecord<String, String>> got = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(cp, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("probe.v1"));
                long deadline = System.currentTimeMillis() + 30_000;
                while (got.isEmpty() && System.currentTimeMillis() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(got::add);
                }
            }
            assertEquals(1, got.size());
            assertEquals("001203012345", got.get(0).key());
            assertEquals("{\"hello\":1}", got.get(0).value());
        }
    }

    @Test
    void devKeysAreWrittenAsPemFilesNamedByTheirSettings() throws Exception {
        Path dir = Files.createTempDirectory("keys");
        Map<String, String> env = DevKeys.write(DevKeys.generate(), dir);
        assertEquals(12, env.size());
        assertTrue(Files.readString(Path.of(env.get("IDENTITY_SIGNING_KEY_LOCATION")))
                .startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(Path.of(env.get("SMS_JWE_PUBLIC_KEY_LOCATION")))
                .startsWith("-----BEGIN PUBLIC KEY-----"));
        // one event key pair per producer, its signing file holding the private and the public block
        java.util.Set<String> publicKeys = new java.util.HashSet<>();
        for (String producer : new String[] {"DOSSIER", "IDENTITY", "NOTIFICATION"}) {
            String signing = Files.readString(Path.of(env.get(producer + "_EVENTS_SIGNING_KEY")));
            String pub = Files.readString(Path.of(env.get(producer + "_EVENTS_PUBLIC_KEYS")));
            assertTrue(signing.startsWith("-----BEGIN PRIVATE KEY-----"), producer);
            assertTrue(signing.contains(pub), producer + ": the signing file carries its public key");
            publicKeys.add(pub);
        }
        assertEquals(3, publicKeys.size(), "no two producers share an event key");
    }
}
