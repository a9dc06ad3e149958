package vn.gov.eid.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.gov.eid.localrun.LocalSystem;
import vn.gov.eid.localrun.LocalSystem.Service;
import vn.gov.eid.platform.cloudevents.CloudEventHeaders;
import vn.gov.eid.platform.signing.EventVerifier;
import vn.gov.eid.platform.signing.KafkaRecordSignatures;
import vn.gov.eid.smsc.ReceivedSms;
import vn.gov.eid.testsupport.TestKafka;

/**
 * The seed path of the e-ID pipeline, end to end, by HTTP alone against the three packaged services running
 * as separate processes on a real PostgreSQL, a real Kafka broker and the SMPP SMSC simulator.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineIT {

    private static final Pattern PASSWORD_IN_SMS = Pattern.compile("Mat khau tam thoi: (\\S+)");
    private static final List<String> TOPICS = List.of(
            "dossier.events.v1", "identity.accounts.v1", "notification.sms-requests.v1", "notification.sms-status.v1");

    private static LocalSystem system;
    private static SystemApi api;
    private static Path root;

    @BeforeAll
    static void startSystem() throws Exception {
        root = Path.of(System.getProperty("eid.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        system = LocalSystem.start(
                new LocalSystem.Options(root, root.resolve("system-tests/target/system"), false, Map.of()));
        api = new SystemApi(system);
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void completedDossierBecomesAnAccountWhosePasswordArrivesBySmsAndLogsIn() throws Exception {
        String pin = "001203012345"; // Ha Noi, male born 2003
        String officer = api.token("officer1", "Officer@2026");
        String supervisor = api.token("supervisor1", "Supervisor@2026");

        // a. the officer submits an ISSUE dossier with an e-ID registration
        Response created = given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("""
                        {"type":"ISSUE",
                         "applicant":{"personalIdNumber":"%s","fullName":"Nguyen Van An","dateOfBirth":"2003-05-14","sex":"MALE"},
                         "eidRegistration":{"phoneNumber":"0912345678","email":"an.nguyen@example.vn"}}
                        """.formatted(pin))
                .post(system.url(Service.DOSSIER) + "/api/v1/dossiers");
        created.then().statusCode(201).body("status", equalTo("SUBMITTED"));
        String dossierId = created.path("id");
        assertTrue(created.header("Location").endsWith("/api/v1/dossiers/" + dossierId));

        // b. officer and supervisor move it to COMPLETED
        api.transition(dossierId, officer, "START_REVIEW", "IN_REVIEW");
        // the officer captures portrait and fingerprints: required before approval
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Files.readString(root.resolve("dossier-service/samples/biometrics.json")))
                .put(system.url(Service.DOSSIER) + "/api/v1/dossiers/" + dossierId + "/biometrics")
                .then()
                .statusCode(200);
        api.transition(dossierId, supervisor, "APPROVE", "APPROVED");
        api.transition(dossierId, supervisor, "COMPLETE", "COMPLETED");

        // c-e. the event travels to identity-service, the SMS request to notification-service, the SMS to the SMSC
        ReceivedSms sms = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> system.smsc().received().stream()
                                .filter(m -> m.text().contains(pin))
                                .findFirst()
                                .orElse(null),
                        m -> m != null);
        assertEquals(
                1,
                system.smsc().received().stream()
                        .filter(m -> m.text().contains(pin))
                        .count(),
                "exactly one SMS");
        assertTrue(sms.destinationAddress().endsWith("912345678"), sms.destinationAddress());
        Matcher m = PASSWORD_IN_SMS.matcher(sms.text());
        assertTrue(
                m.find(),
                "the SMS carries the temporary password: " + sms.text().replaceAll("tam thoi: \\S+", "tam thoi: ***"));
        String temporary = m.group(1);

        // d. the account exists, pending activation, visible to an operator without secrets
        String operator = api.token("operator1", "Operator@2026");
        given().auth()
                .oauth2(operator)
                .get(system.url(Service.IDENTITY) + "/api/v1/accounts/" + pin)
                .then()
                .statusCode(200)
                .body("personalIdNumber", equalTo(pin))
                .body("status", equalTo("PENDING_ACTIVATION"));

        // f. the citizen logs in with the SMS password: a token that only allows changing the password
        Response first = api.login(pin, temporary);
        first.then().statusCode(200).body("password_change_required", equalTo(true));
        String restricted = first.path("access_token");
        given().auth()
                .oauth2(restricted)
                .get(system.url(Service.IDENTITY) + "/api/v1/accounts/" + pin)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(restricted)
                .get(system.url(Service.DOSSIER) + "/api/v1/dossiers/" + dossierId)
                .then()
                .statusCode(403);

        String chosen = "An_2026secure";
        given().auth()
                .oauth2(restricted)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", temporary, "newPassword", chosen))
                .post(system.url(Service.IDENTITY) + "/api/v1/auth/password")
                .then()
                .statusCode(204);
        api.login(pin, temporary).then().statusCode(401);
        Response normal = api.login(pin, chosen);
        normal.then().statusCode(200).body("password_change_required", equalTo(false));

        given().auth()
                .oauth2(operator)
                .get(system.url(Service.IDENTITY) + "/api/v1/accounts/" + pin)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"));

        // the operator sees the SMS, phone masked, no text
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(operator)
                        .queryParam("personalIdNumber", pin)
                        .get(system.url(Service.NOTIFICATION) + "/api/v1/messages")
                        .then()
                        .statusCode(200)
                        .body("state", hasItem("DELIVERED")));

        // Every topic carries the journey, and no record anywhere holds the password or the full phone number.
        Map<String, List<ConsumerRecord<String, String>>> records = new java.util.HashMap<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String topic : TOPICS) {
                records.put(topic, readAll(topic));
                assertFalse(
                        records.get(topic).stream().noneMatch(r -> pin.equals(r.key())),
                        "a record keyed " + pin + " on " + topic);
            }
        });
        for (String topic : TOPICS) {
            for (ConsumerRecord<String, String> r : records.get(topic)) {
                String all = r.value() + headers(r);
                assertFalse(all.contains(temporary), "password in clear on " + topic);
                assertFalse(all.contains(chosen), "chosen password in clear on " + topic);
                assertFalse(all.contains("912345678"), "full phone number on " + topic);
                assertNotNull(r.headers().lastHeader("ce_id"), "CloudEvent ce_id on " + topic);
            }
        }
        // ... nor any log line of the three services
        for (Service s : Service.values()) {
            String log = Files.readString(system.log(s), StandardCharsets.UTF_8);
            assertFalse(log.contains(temporary), "password in the log of " + s);
            assertFalse(log.contains(chosen), "chosen password in the log of " + s);
            assertFalse(log.contains("912345678"), "full phone number in the log of " + s);
        }
    }

    /**
     * A partner as it integrates: its own broker principal reads account events and verifies every one with the keys
     * identity-service publishes; the broker refuses it everything else (forging a completed dossier, reading the
     * sealed SMS requests).
     */
    @Test
    @Order(2)
    void aPartnerVerifiesAccountEventsAndCannotForgeDossierEvents() throws Exception {
        Properties partner = system.kafkaClient("partner");
        List<ConsumerRecord<String, String>> accounts = TestKafka.readAll(partner, "identity.accounts.v1");
        assertFalse(accounts.isEmpty(), "the journey above published account events");
        List<Map<String, Object>> jwks = given().get(system.url(Service.IDENTITY) + "/.well-known/event-keys.json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("keys");
        List<PublicKey> keys = new ArrayList<>();
        for (Map<String, Object> jwk : jwks) {
            keys.add(PublicJsonWebKey.Factory.newPublicJwk(jwk).getPublicKey());
        }
        EventVerifier identityKeys = new EventVerifier(keys);
        for (ConsumerRecord<String, String> r : accounts) {
            EventVerifier.Verdict verdict = KafkaRecordSignatures.verify(identityKeys, r);
            assertTrue(verdict.verified(), "account event at offset " + r.offset() + ": " + verdict.reason());
            assertEquals("/eid/identity-service", CloudEventHeaders.text(r.headers(), CloudEventHeaders.SOURCE));
        }

        // the partner is authenticated but has no WRITE on dossier.events.v1: a forged completed dossier never lands
        Properties producerSettings = new Properties();
        producerSettings.putAll(partner);
        producerSettings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        producerSettings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "20000");
        producerSettings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> forged =
                    new ProducerRecord<>("dossier.events.v1", "079203000001", "{\"forged\":true}");
            forged.headers().add("ce_type", "vn.gov.eid.dossier.completed.v1".getBytes(StandardCharsets.UTF_8));
            Exception e =
                    assertThrows(Exception.class, () -> producer.send(forged).get(30, TimeUnit.SECONDS));
            assertTrue(causedBy(e, AuthorizationException.class), "not an authorisation refusal: " + e);
        }
        assertTrue(
                readAll("dossier.events.v1").stream().noneMatch(r -> "079203000001".equals(r.key())),
                "the forged record is not on the topic");
        // nor may it read what is not meant for partners
        Exception e = assertThrows(Exception.class, () -> TestKafka.readAll(partner, "notification.sms-requests.v1"));
        assertTrue(causedBy(e, AuthorizationException.class), "not an authorisation refusal: " + e);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String headers(ConsumerRecord<String, String> r) {
        StringBuilder sb = new StringBuilder();
        for (Header h : r.headers()) {
            sb.append(h.key())
                    .append('=')
                    .append(new String(h.value(), StandardCharsets.UTF_8))
                    .append(';');
        }
        return sb.toString();
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        // as the operator principal: read-only on every topic
        return TestKafka.readAll(system.kafkaClient("operator"), topic);
    }
}
