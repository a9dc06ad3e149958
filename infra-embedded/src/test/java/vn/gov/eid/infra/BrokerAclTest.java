package vn.gov.eid.infra;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A broker with SASL/SCRAM and the StandardAuthorizer, as a real deployment runs it: only the principal with WRITE on
 * dossier.events.v1 (dossier-service) can produce there; a partner principal, authenticated, cannot.
 */
class BrokerAclTest {

    private static final String TOPIC = "dossier.events.v1";

    @Test
    void onlyThePrincipalWithWriteCanProduceToTheDossierTopic() throws Exception {
        try (LocalKafka kafka = LocalKafka.startSecured();
                Admin admin = Admin.create(kafka.adminClient())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            ScramCredentialInfo scram = new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096);
            admin.alterUserScramCredentials(List.of(
                            new UserScramCredentialUpsertion("dossier-service", scram, "dossier-secret"),
                            new UserScramCredentialUpsertion("partner", scram, "partner-secret")))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            ResourcePattern topic = new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL);
            List<AclBinding> acls = List.of(
                    new AclBinding(topic, allow("User:dossier-service", AclOperation.WRITE)),
                    new AclBinding(topic, allow("User:dossier-service", AclOperation.DESCRIBE)),
                    new AclBinding(topic, allow("User:partner", AclOperation.READ)),
                    new AclBinding(topic, allow("User:partner", AclOperation.DESCRIBE)));
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (admin.describeAcls(AclBindingFilter.ANY).values().get().size() < acls.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ACLs not applied within 30 s");
                }
                Thread.sleep(100);
            }

            // dossier-service may write its topic
            try (KafkaProducer<String, String> producer = producer(kafka, "dossier-service", "dossier-secret")) {
                producer.send(new ProducerRecord<>(TOPIC, "001203012345", "{}")).get(30, TimeUnit.SECONDS);
            }
            // a partner is authenticated but has no WRITE: the broker refuses the record
            try (KafkaProducer<String, String> producer = producer(kafka, "partner", "partner-secret")) {
                Exception e = assertThrows(
                        Exception.class,
                        () -> producer.send(new ProducerRecord<>(TOPIC, "001203012345", "{\"forged\":true}"))
                                .get(30, TimeUnit.SECONDS));
                // refused before the record is accepted: no producer id (idempotent clients) or no WRITE on the topic
                assertTrue(causedBy(e, AuthorizationException.class), "not an authorisation refusal: " + e);
            }
            // a wrong password does not even authenticate
            try (KafkaProducer<String, String> producer = producer(kafka, "dossier-service", "guess")) {
                Exception e = assertThrows(
                        Exception.class,
                        () -> producer.send(new ProducerRecord<>(TOPIC, "k", "{}"))
                                .get(30, TimeUnit.SECONDS));
                assertTrue(causedBy(e, SaslAuthenticationException.class), "not an authentication failure: " + e);
            }
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

    private static AccessControlEntry allow(String principal, AclOperation operation) {
        return new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW);
    }

    private static KafkaProducer<String, String> producer(LocalKafka kafka, String user, String password) {
        Properties p = kafka.scramClient(user, password);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }
}
