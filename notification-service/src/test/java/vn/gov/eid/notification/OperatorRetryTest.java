package vn.gov.eid.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.notification.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.eid.notification.service.SecretPurge;
import vn.gov.eid.testsupport.TestTokens;

/**
 * POST /api/v1/messages/{id}/retry against the SMSC simulator: a FAILED message is sent once more while its
 * ciphertext is kept, audited; refused once the retention erased it, for other states, and without the
 * operator's confirmation when the citizen may already have the SMS.
 */
@QuarkusTest
class OperatorRetryTest {

    @Inject
    EntityManager em;

    @Inject
    SecretPurge purge;

    @ConfigProperty(name = "eid.sms.failed-retention")
    Duration retention;

    @AfterEach
    void normalSmsc() {
        SmscTestResource.smsc.clearFaults();
    }

    private static ValidatableResponse retry(String messageId, Object body) {
        return given().auth()
                .oauth2(operatorToken())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/messages/" + messageId + "/retry")
                .then();
    }

    private Object sealed(Request r) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select sealed from sms_message where personal_id_number = ?1")
                        .setParameter(1, r.pid())
                        .getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> auditRows(String messageId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(
                                "select operator, reason, duplicate_risk_confirmed, previous_error, attempts_before from sms_retry "
                                        + "where message_id = ?1 order by retried_at")
                        .setParameter(1, UUID.fromString(messageId))
                        .getResultList());
    }

    @Test
    void rejectedMessageIsRetriedWithExactlyOneMoreSubmitAndDelivered() {
        SmscTestResource.smsc.reject(SMPPConstant.STAT_ESME_RINVSRCADR, 1);
        Request r = send("CREDENTIAL_RESET");
        JsonNode failed = awaitState(r, "FAILED");
        assertTrue(failed.get("lastError").asText().startsWith("REJECTED"), failed.toString());
        assertEquals("REJECTED", failed.get("failureCategory").asText(), "the typed category of lastError");
        assertNotNull(sealed(r), "a FAILED message keeps its ciphertext for retries");
        String id = failed.get("id").asText();
        int submitsBefore = SmscTestResource.smsc.submitCount();

        retry(id, Map.of("reason", "citizen called the hotline, SMSC rejection fixed"))
                .statusCode(202)
                .body("messageId", equalTo(id))
                .body("state", equalTo("QUEUED"))
                .body("attempts", equalTo(1))
                .body("operator", equalTo("operator1"))
                .body("duplicateRiskConfirmed", equalTo(false))
                .body("previousError", startsWith("REJECTED"));

        JsonNode delivered = awaitState(r, "DELIVERED");
        assertEquals(2, delivered.get("attempts").asInt(), "attempts keep counting across the retry");
        assertEquals(1, smsTo(r).size());
        assertTrue(smsTo(r).get(0).text().contains("Mat khau tam thoi: " + r.password() + " "));
        assertEquals(submitsBefore + 1, SmscTestResource.smsc.submitCount(), "exactly one more submit_sm");
        assertNull(sealed(r), "ciphertext erased once delivered");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> states(r.pid()).equals(List.of("QUEUED", "FAILED", "QUEUED", "SUBMITTED", "DELIVERED")));

        List<Object[]> audit = auditRows(id);
        assertEquals(1, audit.size());
        assertEquals("operator1", audit.get(0)[0]);
        assertEquals("citizen called the hotline, SMSC rejection fixed", audit.get(0)[1]);
        assertEquals(false, audit.get(0)[2]);
        assertTrue(String.valueOf(audit.get(0)[3]).startsWith("REJECTED"));
        assertEquals(1, ((Number) audit.get(0)[4]).intValue());

        // DELIVERED now: a second retry is refused and sends nothing.
        retry(id, Map.of("reason", "again"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:message-not-failed"));
        assertEquals(submitsBefore + 1, SmscTestResource.smsc.submitCount());
    }

    @Test
    void afterTheRetentionTheCiphertextIsErasedAndRetryIs409() {
        SmscTestResource.smsc.reject(SMPPConstant.STAT_ESME_RINVSRCADR, 1);
        Request r = send("INITIAL_CREDENTIAL");
        String id = awaitState(r, "FAILED").get("id").asText();

        purge.purgeFailedSecrets(Instant.now());
        assertNotNull(sealed(r), "still within the retention of " + retention);
        purge.purgeFailedSecrets(Instant.now().plus(retention).plusSeconds(1));
        assertNull(sealed(r), "erased once the retention has passed");

        int submitsBefore = SmscTestResource.smsc.submitCount();
        retry(id, Map.of("reason", "citizen says no SMS"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:secret-erased"))
                .body("detail", containsString("credential reset"))
                .body("detail", containsString("identity-service"));
        assertEquals("FAILED", messages(r.pid()).get(0).get("state").asText());
        assertEquals(submitsBefore, SmscTestResource.smsc.submitCount());
        assertTrue(auditRows(id).isEmpty(), "a refused retry is not an accepted retry");
    }

    @Test
    void possiblyDeliveredMessageNeedsTheOperatorsConfirmation() {
        SmscTestResource.smsc.dropConnectionOnSubmit(1);
        Request r = send("UPGRADE_NOTICE"); // a notice is sent at most once: a lost answer fails it
        JsonNode failed = awaitState(r, "FAILED");
        assertTrue(failed.get("lastError").asText().startsWith("SUBMIT_OUTCOME_UNKNOWN"), failed.toString());
        assertEquals(
                "SUBMIT_OUTCOME_UNKNOWN", failed.get("failureCategory").asText(), "the typed category of lastError");
        String id = failed.get("id").asText();

        retry(id, Map.of("reason", "citizen says no SMS"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:duplicate-risk-unconfirmed"))
                .body("detail", containsString("confirmDuplicateRisk"));
        retry(id, Map.of("reason", "citizen says no SMS", "confirmDuplicateRisk", false))
                .statusCode(409)
                .body("type", equalTo("urn:vn-eid:problem:duplicate-risk-unconfirmed"));
        assertEquals("FAILED", messages(r.pid()).get(0).get("state").asText());

        retry(id, Map.of("reason", "SMSC has no trace of it", "confirmDuplicateRisk", true))
                .statusCode(202)
                .body("duplicateRiskConfirmed", equalTo(true))
                .body("previousError", startsWith("SUBMIT_OUTCOME_UNKNOWN"));
        awaitState(r, "DELIVERED");
        assertEquals(1, smsTo(r).size());
        List<Object[]> audit = auditRows(id);
        assertEquals(1, audit.size());
        assertEquals(true, audit.get(0)[2], "the audit row records the confirmed duplicate risk");
    }

    @Test
    void simultaneousRetriesOfOneMessageSendItOnce() throws Exception {
        SmscTestResource.smsc.reject(SMPPConstant.STAT_ESME_RINVSRCADR, 1);
        Request r = send("CREDENTIAL_RESET");
        String id = awaitState(r, "FAILED").get("id").asText();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String reason = "operator desk " + i;
                answers.add(pool.submit(() -> given().auth()
                        .oauth2(operatorToken())
                        .contentType("application/json")
                        .body(Map.of("reason", reason))
                        .post("/api/v1/messages/" + id + "/retry")
                        .statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get(30, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 202).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        awaitState(r, "DELIVERED");
        assertEquals(1, smsTo(r).size());
        assertEquals(1, auditRows(id).size());
    }

    @Test
    void aCredentialWhosePasswordExpiredIsNotRetried() throws Exception {
        Request r = request("CREDENTIAL_RESET");
        java.time.Instant now = java.time.Instant.now();
        vn.gov.eid.notification.domain.SmsMessage m = storedRow(
                r,
                vn.gov.eid.notification.domain.Purpose.CREDENTIAL_RESET,
                "NGUYEN VAN AN",
                vn.gov.eid.notification.domain.SmsState.FAILED,
                now.minus(java.time.Duration.ofHours(73)));
        m.validUntil = now.minusSeconds(60);
        m.attempts = 1;
        m.finalAt = now.minusSeconds(120);
        m.recordFailure(
                vn.gov.eid.notification.domain.FailureCategory.REJECTED, "REJECTED: refused by the SMSC (test)");
        QuarkusTransaction.requiringNew().run(m::persist);

        retry(m.id.toString(), Map.of("reason", "citizen at the counter"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:credential-expired"))
                .body("detail", containsString("credential reset"));
        assertEquals("FAILED", messages(r.pid()).get(0).get("state").asText());
        assertTrue(auditRows(m.id.toString()).isEmpty());
    }

    @Test
    void unknownMessageIs404AndBadBodiesAre400() {
        retry(UUID.randomUUID().toString(), Map.of("reason", "x"))
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:message-not-found"));
        String any = UUID.randomUUID().toString();
        retry(any, Map.of("reason", " ")).statusCode(400).body("type", equalTo("urn:vn-eid:problem:validation"));
        retry(any, Map.of("confirmDuplicateRisk", true))
                .statusCode(400)
                .body("type", equalTo("urn:vn-eid:problem:validation"));
        given().auth()
                .oauth2(operatorToken())
                .contentType("application/json")
                .post("/api/v1/messages/" + any + "/retry")
                .then()
                .statusCode(400);
        retry("not-a-uuid", Map.of("reason", "x")).statusCode(404);
    }

    @Test
    void retryNeedsAnOperatorToken() {
        String path = "/api/v1/messages/" + UUID.randomUUID() + "/retry";
        given().contentType("application/json")
                .body(Map.of("reason", "x"))
                .post(path)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.expired("operator1", "operator"))
                .contentType("application/json")
                .body(Map.of("reason", "x"))
                .post(path)
                .then()
                .statusCode(401);
        for (String role : new String[] {"officer", "supervisor", "citizen"}) {
            given().auth()
                    .oauth2(TestTokens.token("someone", role))
                    .contentType("application/json")
                    .body(Map.of("reason", "x"))
                    .post(path)
                    .then()
                    .statusCode(403);
        }
    }
}
