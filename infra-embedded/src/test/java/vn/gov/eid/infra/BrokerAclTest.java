package vn.gov.eid.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker as a real deployment runs it (SASL/SCRAM, the StandardAuthorizer) with the access rules of
 * deploy/kafka/access.conf, the file docker compose applies too: only dossier-service may produce dossier events;
 * every other principal, authenticated, is refused; nobody may create topics.
 */
class BrokerAclTest {

    private static final String DOSSIER_TOPIC = "dossier.events.v1";
    private static final Path RULES = Path.of("../deploy/kafka/access.conf");

    private static LocalKafka kafka;
    private static final Map<String, String> passwords = new HashMap<>();

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = LocalKafka.startSecured();
        BrokerAccess access = BrokerAccess.read(RULES);
        access.principals().forEach(p -> passwords.put(p, p + "-password"));
        try (Admin admin = Admin.create(kafka.adminClient())) {
            access.apply(admin, passwords, 1);
        }
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theRulesFileNamesEveryServiceAndOnlyDossierServiceWritesDossierEvents() throws Exception {
        BrokerAccess access = BrokerAccess.read(RULES);
        assertEquals(
                Set.of("dossier-service", "identity-service", "notification-service", "partner", "operator"),
                access.principals());
        List<String> writers = access.grants().stream()
                .filter(g -> g.operation() == AclOperation.WRITE
                        && g.resource().resourceType() == ResourceType.TOPIC
                        && (g.resource().name().equals(DOSSIER_TOPIC)
                                || g.resource().name().equals("*")))
                .map(BrokerAccess.Grant::principal)
                .toList();
        assertEquals(List.of("dossier-service"), writers);
    }

    @Test
    void onlyDossierServiceCanProduceDossierEvents() throws Exception {
        try (KafkaProducer<String, String> producer = producer("dossier-service")) {
            producer.send(new ProducerRecord<>(DOSSIER_TOPIC, "001203012345", "{}"))
                    .get(30, TimeUnit.SECONDS);
        }
        for (String principal : List.of("partner", "identity-service", "notification-service", "operator")) {
            try (KafkaProducer<String, String> producer = producer(principal)) {
                Exception e = assertThrows(
                        Exception.class,
                        () -> producer.send(new ProducerRecord<>(DOSSIER_TOPIC, "001203012345", "{\"forged\":true}"))
                                .get(30, TimeUnit.SECONDS),
                        principal + " could write " + DOSSIER_TOPIC);
                // refused before the record is accepted: no producer id (idempotent clients) or no WRITE on the topic
                assertTrue(
                        causedBy(e, AuthorizationException.class), principal + ": not an authorisation refusal: " + e);
            }
        }
    }

    @Test
    void eachReplicaOfARelayHasItsOwnTransactionalIdUnderItsServicesPrefixOnly() throws Exception {
        // outbox-relay + ce_source + '-' + instance id, as the platform's OutboxProducer names it
        for (String replica : List.of("dossier-0", "dossier-1")) {
            try (KafkaProducer<String, String> producer =
                    transactional("dossier-service", "outbox-relay-eid-dossier-service-" + replica)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(DOSSIER_TOPIC, "001203012345", "{}"));
                producer.commitTransaction();
            }
        }
        // another service's prefix, and the id all replicas shared before, are refused
        for (String id : List.of("outbox-relay-eid-identity-service-dossier-0", "outbox-relay-eid-dossier-service")) {
            try (KafkaProducer<String, String> producer = transactional("dossier-service", id)) {
                Exception e = assertThrows(Exception.class, producer::initTransactions, id);
                assertTrue(causedBy(e, AuthorizationException.class), id + ": not an authorisation refusal: " + e);
            }
        }
    }

    @Test
    void aPartnerReadsAccountEventsButNotDossierEvents() {
        Properties p = kafka.scramClient("partner", passwords.get("partner"));
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "partner-portal");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            assertEquals(
                    1,
                    consumer.partitionsFor("identity.accounts.v1", Duration.ofSeconds(20))
                            .size());
            Exception e =
                    assertThrows(Exception.class, () -> consumer.partitionsFor(DOSSIER_TOPIC, Duration.ofSeconds(20)));
            assertTrue(causedBy(e, AuthorizationException.class), "not an authorisation refusal: " + e);
        }
    }

    @Test
    void noServiceCanCreateTopics() {
        Properties p = kafka.scramClient("identity-service", passwords.get("identity-service"));
        try (Admin admin = Admin.create(p)) {
            Exception e = assertThrows(
                    Exception.class,
                    () -> admin.createTopics(List.of(new NewTopic("dossier.events.v2", 1, (short) 1)))
                            .all()
                            .get(30, TimeUnit.SECONDS));
            assertTrue(causedBy(e, AuthorizationException.class), "not an authorisation refusal: " + e);
        }
    }

    @Test
    void aWrongPasswordDoesNotAuthenticate() {
        Properties p = producerSettings(kafka.scramClient("dossier-service", "guess"));
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            Exception e = assertThrows(
                    Exception.class,
                    () -> producer.send(new ProducerRecord<>(DOSSIER_TOPIC, "k", "{}"))
                            .get(30, TimeUnit.SECONDS));
            assertTrue(causedBy(e, SaslAuthenticationException.class), "not an authentication failure: " + e);
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static KafkaProducer<String, String> producer(String principal) {
        Properties p = producerSettings(kafka.scramClient(principal, passwords.get(principal)));
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static KafkaProducer<String, String> transactional(String principal, String transactionalId) {
        Properties p = producerSettings(kafka.scramClient(principal, passwords.get(principal)));
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static Properties producerSettings(Properties p) {
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return p;
    }
}
