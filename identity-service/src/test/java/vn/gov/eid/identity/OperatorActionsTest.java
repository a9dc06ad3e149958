package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.identity.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestTokens;

/** Failed-login lockout, temporary-password expiry and the operators' audited lock / unlock / credential reset. */
@QuarkusTest
class OperatorActionsTest {

    @Inject
    EntityManager em;

    private static io.restassured.response.ValidatableResponse act(
            String token, String pid, String action, String reason) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(reason == null ? Map.of() : Map.of("reason", reason))
                .post("/api/v1/accounts/" + pid + "/" + action)
                .then();
    }

    @Test
    void fiveFailedLoginsLockForFifteenMinutesAndAnOperatorUnlocksAtOnce() {
        String pid = newPersonalId();
        String temp = createAccount(pid);

        // Four failures and a success start the count again.
        for (int i = 0; i < 4; i++) {
            login(pid, "Wrong_pass_" + i).then().statusCode(401);
        }
        login(pid, temp).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            login(pid, "Wrong_pass_" + i)
                    .then()
                    .statusCode(401)
                    .body("type", equalTo("urn:vn-eid:problem:invalid-credentials"));
        }
        Instant before = Instant.now();
        Response fifth = login(pid, "Wrong_pass_5");
        fifth.then()
                .statusCode(423)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:account-locked"))
                .body("lockedUntil", notNullValue());
        Instant until = Instant.parse(fifth.path("lockedUntil"));
        Duration lock = Duration.between(before, until);
        assertTrue(
                lock.compareTo(Duration.ofMinutes(14)) > 0 && lock.compareTo(Duration.ofMinutes(16)) < 0,
                "lock of " + lock);
        assertTrue(((String) fifth.path("detail")).contains(until.toString()), "the problem does not say until when");

        // Even the right password is refused while locked.
        login(pid, temp).then().statusCode(423).body("lockedUntil", equalTo(until.toString()));
        given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid)
                .then()
                .body("lockedUntil", notNullValue());
        JsonNode locked = json(awaitRecords(ACCOUNTS_TOPIC, pid, "vn.gov.eid.account.locked.v1", 1)
                .get(0)
                .value());
        assertEquals("FAILED_LOGINS", locked.get("cause").asText());

        act(operatorToken(), pid, "unlock", null).statusCode(400).body("violations.field", hasItem("reason"));
        act(operatorToken(), pid, "unlock", "citizen called the hotline, identity checked")
                .statusCode(200)
                .body("lockedUntil", nullValue())
                .body("status", equalTo("PENDING_ACTIVATION"));
        login(pid, temp).then().statusCode(200);

        awaitRecords(ACCOUNTS_TOPIC, pid, "vn.gov.eid.account.unlocked.v1", 1);
        List<Map<String, Object>> audit = given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertTrue(audit.stream()
                .anyMatch(e -> "LOCKED_FAILED_LOGINS".equals(e.get("action")) && "system".equals(e.get("actor"))));
        assertTrue(
                audit.stream()
                        .anyMatch(e -> "UNLOCKED".equals(e.get("action"))
                                && "operator1".equals(e.get("actor"))
                                && "citizen called the hotline, identity checked".equals(e.get("reason"))),
                "unlock not audited: " + audit);
    }

    @Test
    void operatorLockRefusesLoginUntilUnlocked() {
        String pid = newPersonalId();
        String temp = createAccount(pid);
        act(operatorToken(), pid, "lock", "suspected SIM swap").statusCode(200).body("status", equalTo("LOCKED"));
        login(pid, temp).then().statusCode(423).body("type", equalTo("urn:vn-eid:problem:account-locked"));
        act(operatorToken(), pid, "lock", "again").statusCode(409);
        ConsumerRecord<String, String> event = awaitRecords(ACCOUNTS_TOPIC, pid, "vn.gov.eid.account.locked.v1", 1)
                .get(0);
        assertEquals("OPERATOR", json(event.value()).get("cause").asText());

        act(operatorToken(), pid, "unlock", "owner confirmed at the police office")
                .statusCode(200)
                .body("status", equalTo("PENDING_ACTIVATION"));
        login(pid, temp).then().statusCode(200);
        act(operatorToken(), pid, "unlock", "nothing to unlock").statusCode(409);
    }

    @Test
    void credentialResetSendsANewTemporaryPasswordAndRetiresTheOldOne() {
        String pid = newPersonalId();
        String temp = createAccount(pid);
        String restricted = login(pid, temp).path("access_token");
        given().auth()
                .oauth2(restricted)
                .contentType("application/json")
                .body(Map.of("currentPassword", temp, "newPassword", "Own_pass_2026"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(204);

        String requestId = given().auth()
                .oauth2(operatorToken())
                .contentType("application/json")
                .body(Map.of("reason", "citizen forgot the password; identity checked at the office"))
                .post("/api/v1/accounts/" + pid + "/credential-resets")
                .then()
                .statusCode(202)
                .extract()
                .path("smsRequestId");

        ConsumerRecord<String, String> sms = awaitRecords(SMS_TOPIC, pid, "vn.gov.eid.sms.requested.v1", 2).stream()
                .filter(r -> requestId.equals(json(r.value()).get("requestId").asText()))
                .findFirst()
                .orElseThrow();
        assertEquals("CREDENTIAL_RESET", json(sms.value()).get("purpose").asText());
        String fresh = (String) openSms(sms).get("password");
        assertNotEquals(temp, fresh);

        login(pid, "Own_pass_2026").then().statusCode(401);
        login(pid, fresh).then().statusCode(200).body("password_change_required", equalTo(true));
        // Still an activated account: status stays ACTIVE while the reset password waits to be changed.
        given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid)
                .then()
                .body("status", equalTo("ACTIVE"));
        awaitRecords(ACCOUNTS_TOPIC, pid, "vn.gov.eid.account.credential-reset.v1", 1);
        List<Map<String, Object>> audit = given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid + "/audit")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertTrue(audit.stream()
                .anyMatch(e -> "CREDENTIAL_RESET".equals(e.get("action")) && "operator1".equals(e.get("actor"))));
    }

    @Test
    void expiredTemporaryPasswordCannotLogInAndSaysSo() {
        String pid = newPersonalId();
        String temp = createAccount(pid);
        // 72 hours pass.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update citizen_account set password_expires_at = now() - interval '1 minute' where personal_id_number = ?1")
                        .setParameter(1, pid)
                        .executeUpdate());
        login(pid, temp)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:temporary-password-expired"))
                .body("expiredAt", notNullValue());
        // A wrong password still answers like any wrong password (no hint that the account exists beyond it).
        login(pid, "Wrong_pass_1")
                .then()
                .statusCode(401)
                .body("type", equalTo("urn:vn-eid:problem:invalid-credentials"));
    }

    @Test
    void operatorActionsNeedTheOperatorRole() {
        String pid = newPersonalId();
        for (String token : new String[] {
            TestTokens.token("partner-portal", "partner"),
            TestTokens.token(pid, "password-change"),
            TestTokens.token(pid, "citizen"),
            TestTokens.token("officer1", "officer")
        }) {
            for (String action : new String[] {"lock", "unlock", "credential-resets"}) {
                act(token, pid, action, "x").statusCode(403);
            }
            given().auth()
                    .oauth2(token)
                    .get("/api/v1/accounts/" + pid + "/audit")
                    .then()
                    .statusCode(403);
        }
        act(TestTokens.expired("operator1", "operator"), pid, "lock", "x").statusCode(401);
        act(operatorToken(), pid, "lock", "no such account").statusCode(404);
    }
}
