package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.gov.eid.identity.Fixtures.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestKafka;
import vn.gov.eid.testsupport.TestTokens;

/**
 * Operators list dead-lettered dossier events and re-drive them through the consumer's own path: a genuine record
 * creates its account once however often it is re-driven, a forged one fails again (422), and every re-drive is in
 * the audit trail.
 */
@QuarkusTest
class DeadLetterRedriveTest {

    private static final String PATH = "/api/v1/dead-letters";
    private static final String DLQ = DOSSIER_TOPIC + ".dlq";

    @Inject
    EntityManager em;

    /** Where a record was placed on the dead-letter topic. */
    record Placed(int partition, long offset) {}

    /**
     * Places a completed-dossier record on the dead-letter topic as the consumer's failure strategy leaves it: the
     * original key, value and headers (signature included) plus the dead-letter headers.
     */
    private static Placed deadLetter(
            String pid, String eventId, String data, UnaryOperator<ProducerRecord<String, String>> sign) {
        ProducerRecord<String, String> record = new ProducerRecord<>(DLQ, pid, data);
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", bytes(eventId));
        record.headers().add("ce_source", bytes(DOSSIER_SOURCE));
        record.headers().add("ce_type", bytes(COMPLETED));
        record.headers().add("ce_time", bytes(java.time.OffsetDateTime.now().toString()));
        record.headers().add("content-type", bytes("application/json"));
        // signed as on the dossier topic: the signature covers the event, not the topic it travels on
        ProducerRecord<String, String> signed = sign.apply(record);
        signed.headers().add("dead-letter-reason", bytes("could not execute statement"));
        signed.headers().add("dead-letter-topic", bytes(DOSSIER_TOPIC));
        signed.headers().add("dead-letter-partition", bytes("0"));
        signed.headers().add("dead-letter-offset", bytes("12345"));
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            RecordMetadata m = producer.send(signed).get(15, TimeUnit.SECONDS);
            return new Placed(m.partition(), m.offset());
        } catch (Exception e) {
            throw new IllegalStateException("cannot place the test record on " + DLQ, e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Response redrive(String token, Placed at, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post(PATH + "/" + at.partition() + "/" + at.offset() + "/redrive");
    }

    private List<Object[]> auditRows(Placed at) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select event_id, operator, reason, outcome, detail from"
                            + " dead_letter_redrive where topic = ?1 and topic_partition = ?2 and record_offset = ?3"
                            + " order by id")
                    .setParameter(1, DLQ)
                    .setParameter(2, at.partition())
                    .setParameter(3, at.offset())
                    .getResultList();
            return rows;
        });
    }

    @Test
    void aGenuineDeadLetterIsListedReDrivenIntoOneAccountAndAReDriveAgainIsAConflict() {
        String pid = newPersonalId();
        String eventId = UUID.randomUUID().toString();
        Placed at = deadLetter(
                pid,
                eventId,
                completedDossier(pid, "Pham Van Hai", newPhone(), "hai@example.vn"),
                Fixtures::signAsDossierService);

        // listed: where it is, why and which event, never the payload or the citizen's number
        String listed = given().auth()
                .oauth2(operatorToken())
                .get(PATH + "?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(listed.contains(pid), "a dead letter listing shows the personal ID number");
        assertFalse(listed.contains("Pham Van Hai"), "a dead letter listing shows the payload");
        String entry = "find { it.eventId == '" + eventId + "' }";
        given().auth()
                .oauth2(operatorToken())
                .get(PATH + "?limit=500")
                .then()
                .body(entry + ".partition", equalTo(at.partition()))
                .body(entry + ".offset", equalTo((int) at.offset()))
                .body(entry + ".eventType", equalTo(COMPLETED))
                .body(entry + ".reason", equalTo("could not execute statement"))
                .body(entry + ".timestamp", notNullValue())
                .body(entry + ".redriven", equalTo(false))
                .body(entry + ".lastRedrive", nullValue());

        redrive(operatorToken(), at, "{\"reason\":\"database was restarting (INC-4711)\"}")
                .then()
                .statusCode(200)
                .body("eventId", equalTo(eventId))
                .body("redriven", equalTo(true))
                .body("lastRedrive.outcome", equalTo("HANDLED"))
                .body("lastRedrive.operator", equalTo("operator1"));
        awaitAccount(pid);
        awaitRecords(SMS_TOPIC, pid, "vn.gov.eid.sms.requested.v1", 1);

        // a second re-drive, and the consumer's own redelivery of the original, change nothing
        redrive(operatorToken(), at, "{\"reason\":\"again\"}")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:dead-letter-already-processed"));
        sendDossierEvent(pid, COMPLETED, eventId, completedDossier(pid, "Pham Van Hai", newPhone(), "hai@example.vn"));
        awaitConsumed(DOSSIER_TOPIC);
        assertEquals(1, records(SMS_TOPIC, pid).size(), "the re-driven event made a second SMS request");
        assertEquals(1, records(ACCOUNTS_TOPIC, pid).size(), "the re-driven event made a second account event");

        List<Object[]> audit = auditRows(at);
        assertEquals(2, audit.size());
        assertEquals(
                List.of(eventId, "operator1", "database was restarting (INC-4711)", "HANDLED"),
                java.util.Arrays.asList(audit.get(0)).subList(0, 4));
        assertEquals("ALREADY_PROCESSED", audit.get(1)[3]);
        given().auth()
                .oauth2(operatorToken())
                .get(PATH + "?limit=500")
                .then()
                .body(entry + ".redriven", equalTo(true))
                .body(entry + ".lastRedrive.outcome", equalTo("ALREADY_PROCESSED"));
    }

    @Test
    void aForgedDeadLetterFailsAgainWith422AndTheFailureIsAudited() {
        String pid = newPersonalId();
        String eventId = UUID.randomUUID().toString();
        Placed at = deadLetter(pid, eventId, completedDossier(pid, "Vo Van Ba", newPhone(), "ba@example.vn"), r -> r);

        redrive(operatorToken(), at, "{\"reason\":\"looks fine to me\"}")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:redrive-failed"))
                .body("detail", containsString("UNSIGNED"));
        given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid)
                .then()
                .statusCode(404);
        List<Object[]> audit = auditRows(at);
        assertEquals(1, audit.size());
        assertEquals("FAILED", audit.get(0)[3]);
        assertEquals("untrusted record: UNSIGNED", audit.get(0)[4]);
    }

    @Test
    void unknownRecordsBadReasonsAndLimitsAreProblems() {
        redrive(operatorToken(), new Placed(0, 999_999_999L), "{\"reason\":\"x\"}")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:dead-letter-not-found"));
        Placed any = new Placed(0, 0);
        for (String body : new String[] {
            "{}", "{\"reason\":\"\"}", "{\"reason\":\"" + "x".repeat(501) + "\"}", "{\"reason\":\"a\\u0000b\"}"
        }) {
            redrive(operatorToken(), any, body)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vn-eid:problem:validation"));
        }
        for (String limit : new String[] {"0", "501", "abc", "-1"}) {
            given().auth()
                    .oauth2(operatorToken())
                    .get(PATH + "?limit=" + limit)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("limit"));
        }
    }

    @Test
    void refusesMissingAndInvalidTokensWith401() {
        Placed any = new Placed(0, 0);
        for (String token : new String[] {
            TestTokens.expired("operator1", "operator"),
            TestTokens.wrongIssuer("operator1", "operator"),
            TestTokens.otherKey("operator1", "operator"),
            TestTokens.tampered("officer1", "officer"),
            TestTokens.unsigned("operator1", "operator")
        }) {
            given().auth().oauth2(token).get(PATH).then().statusCode(401);
            redrive(token, any, "{\"reason\":\"x\"}").then().statusCode(401);
        }
        given().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json")
                .body("{\"reason\":\"x\"}")
                .post(PATH + "/0/0/redrive")
                .then()
                .statusCode(401);
    }

    @Test
    void refusesOtherRolesWith403() {
        Placed any = new Placed(0, 0);
        for (String role : new String[] {"officer", "supervisor", "partner", "citizen", "password-change"}) {
            String token = TestTokens.token("someone", role);
            given().auth().oauth2(token).get(PATH).then().statusCode(403);
            redrive(token, any, "{\"reason\":\"x\"}").then().statusCode(403);
        }
    }
}
