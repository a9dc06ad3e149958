package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.identity.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.gov.eid.identity.service.RecoveryCodes;
import vn.gov.eid.identity.service.RecoveryCodes.Outcome;

/**
 * Activation and recovery by SMS code, on the real PostgreSQL and Kafka: the answer that tells nothing, the code in
 * the sealed SMS request only, its limits (tries, lifetime, one live code, codes per hour per account and per number)
 * and what a right code does.
 */
@QuarkusTest
class RecoveryCodeTest {

    static final String INVALID_CODE = "urn:vn-eid:problem:invalid-recovery-code";

    @Inject
    RecoveryCodes codes;

    @Inject
    EntityManager em;

    @Inject
    vn.gov.eid.identity.service.OperatorActions operators;

    @Test
    void aCodeActivatesAPendingAccountAndKillsTheTemporaryPassword() {
        String pid = newPersonalId();
        String phone = newPhone();
        String temp = createAccount(pid, phone);

        requestRecoveryCode(pid, phone).then().statusCode(202).body("status", equalTo("ACCEPTED"));
        String code = awaitRecoveryCode(pid, 1);
        assertTrue(code.matches("\\d{6}"), "a 6-digit code");
        ConsumerRecord<String, String> sms = smsRequests(pid, "RECOVERY_CODE").get(0);
        JsonNode request = json(sms.value());
        assertFalse(sms.value().contains(code), "the code travels only sealed");
        assertFalse(sms.value().contains(phone), "the number travels only sealed");
        assertEquals(phone, openSms(sms).get("phoneNumber"));
        assertTrue(request.has("validUntil"), "notification-service stops trying when the code dies");

        // a right code with a password that breaks the rules: refused, and the code stays usable
        confirmRecovery(pid, code, "weak")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("newPassword"));
        confirmRecovery(pid, code, pid)
                .then()
                .statusCode(400)
                .body("violations.message", hasItem("must differ from the username"));
        confirmRecovery(pid, code, "Recovered_2026").then().statusCode(204);

        assertEquals("ACTIVE", awaitAccount(pid).get("status").asText());
        awaitRecords(ACCOUNTS_TOPIC, pid, "vn.gov.eid.account.activated.v1", 1);
        login(pid, temp).then().statusCode(401);
        login(pid, "Recovered_2026").then().statusCode(200).body("password_change_required", equalTo(false));
        // the code died with its use
        confirmRecovery(pid, code, "Another_2026").then().statusCode(400).body("type", equalTo(INVALID_CODE));
        assertEquals(0L, liveCodes(pid));
    }

    @Test
    void recoveryOfAnActiveAccountPublishesCredentialChangedAndKillsTheOldPassword() {
        String pid = newPersonalId();
        String phone = newPhone();
        activeAccount(pid, phone, "Forgotten_2026");

        requestRecoveryCode(pid, phone).then().statusCode(202);
        confirmRecovery(pid, awaitRecoveryCode(pid, 1), "Remembered_2026")
                .then()
                .statusCode(204);

        JsonNode changed = json(awaitRecords(ACCOUNTS_TOPIC, pid, "vn.gov.eid.account.credential-changed.v1", 1)
                .get(0)
                .value());
        assertEquals("ACTIVE", changed.get("status").asText());
        login(pid, "Forgotten_2026").then().statusCode(401);
        login(pid, "Remembered_2026").then().statusCode(200);
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotThePairMatchesAndOnlyAMatchSendsACode() {
        String pid = newPersonalId();
        String phone = newPhone();
        createAccount(pid, phone);
        String other = newPhone();

        String match =
                requestRecoveryCode(pid, phone).then().statusCode(202).extract().asString();
        String wrongPhone =
                requestRecoveryCode(pid, other).then().statusCode(202).extract().asString();
        String noAccount = requestRecoveryCode(newPersonalId(), phone)
                .then()
                .statusCode(202)
                .extract()
                .asString();
        assertEquals(match, wrongPhone);
        assertEquals(match, noAccount);

        assertEquals(Outcome.NO_MATCH, codes.send(pid, other));
        assertEquals(Outcome.NO_MATCH, codes.send(newPersonalId(), phone));
        // the national form, written as people write it, is the same number (libphonenumber, as dossier-service)
        String national = "0" + phone.substring(3, 6) + " " + phone.substring(6, 9) + " " + phone.substring(9);
        requestRecoveryCode(pid, national).then().statusCode(202);
        awaitRecoveryCode(pid, 2);
        // what is not a Vietnamese mobile is a bad request, whoever the ID number is (no account is looked up)
        requestRecoveryCode(pid, "+14155550100")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("phoneNumber"));
        requestRecoveryCode(newPersonalId(), "02438253789").then().statusCode(400);
    }

    @Test
    void theAnswerDoesNotWaitForTheLookup() {
        String pid = newPersonalId();
        String phone = newPhone();
        createAccount(pid, phone);
        // while another transaction holds the account's row, the lookup cannot even start; the answer still comes
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("select 1 from citizen_account where personal_id_number = ?1 for update")
                    .setParameter(1, pid)
                    .getSingleResult();
            long start = System.nanoTime();
            requestRecoveryCode(pid, phone).then().statusCode(202);
            assertTrue(System.nanoTime() - start < 5_000_000_000L, "answered without waiting for the row");
            assertEquals(0, smsRequests(pid, "RECOVERY_CODE").size());
        });
        awaitRecoveryCode(pid, 1);
    }

    @Test
    void wrongExpiredAndUnknownCodesGetTheSameAnswerAndWrongOnesCountTowardTheLockout() {
        String pid = newPersonalId();
        String phone = newPhone();
        createAccount(pid, phone);
        assertEquals(Outcome.SENT, codes.send(pid, phone));
        String code = awaitRecoveryCode(pid, 1);
        String wrong = code.equals("000000") ? "000001" : "000000";

        JsonNode wrongAnswer = json(confirmRecovery(pid, wrong, "Whatever_2026")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(INVALID_CODE))
                .extract()
                .asString());
        JsonNode unknownAccount = json(confirmRecovery(newPersonalId(), code, "Whatever_2026")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertEquals(wrongAnswer.get("detail"), unknownAccount.get("detail"));
        assertEquals(1, failedLogins(pid), "a wrong code is a failed login");

        // the same answer for the right code once it has expired
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update recovery_code set valid_until = now() - interval '1 second'"
                                + " where personal_id_number = ?1")
                        .setParameter(1, pid)
                        .executeUpdate());
        JsonNode expired = json(confirmRecovery(pid, code, "Whatever_2026")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertEquals(wrongAnswer.get("type"), expired.get("type"));
        assertEquals(wrongAnswer.get("detail"), expired.get("detail"));

        // three more wrong ones, and the fifth failure in a row locks the account as failed logins do; the answer
        // stays the wrong-code answer (a 423 would tell that the ID number has an account)
        confirmRecovery(pid, wrong, "Whatever_2026").then().statusCode(400);
        confirmRecovery(pid, wrong, "Whatever_2026").then().statusCode(400);
        JsonNode locking = json(confirmRecovery(pid, wrong, "Whatever_2026")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertEquals(wrongAnswer.get("detail"), locking.get("detail"));
        awaitRecords(ACCOUNTS_TOPIC, pid, "vn.gov.eid.account.locked.v1", 1);
        // no code for a locked account, and a code of a locked account is answered like a wrong one
        assertEquals(Outcome.LOCKED, codes.send(pid, phone));
        JsonNode whileLocked = json(confirmRecovery(pid, wrong, "Whatever_2026")
                .then()
                .statusCode(400)
                .extract()
                .asString());
        assertEquals(wrongAnswer.get("detail"), whileLocked.get("detail"));
    }

    @Test
    void wrongCodesAreLimitedPerAccountAcrossCodesAndLockouts() {
        String pid = newPersonalId();
        String phone = newPhone();
        createAccount(pid, phone);
        String code = null;
        int wrongTries = 0;
        // ten wrong codes over several codes, the per-hour code limit and the lockout forgotten in between (as an
        // attacker waiting them out would see them)
        for (int round = 0; round < 3; round++) {
            forget(pid);
            assertEquals(Outcome.SENT, codes.send(pid, phone));
            code = awaitRecoveryCode(pid, round + 1);
            String wrong = code.equals("123456") ? "654321" : "123456";
            for (int i = 0; i < 4 && wrongTries < 10; i++, wrongTries++) {
                forget(pid);
                confirmRecovery(pid, wrong, "Whatever_2026").then().statusCode(400);
            }
        }
        forget(pid);
        assertEquals(10, wrongTries);
        // past ten wrong codes even the right one is refused (and dies), and no new code is sent
        confirmRecovery(pid, code, "Whatever_2026").then().statusCode(400).body("type", equalTo(INVALID_CODE));
        assertEquals(Outcome.LIMIT_REACHED, codes.send(pid, phone));
        assertEquals(0L, liveCodes(pid));
    }

    @Test
    void anOperatorResetOrLockKillsALiveCode() {
        String pid = newPersonalId();
        String phone = newPhone();
        createAccount(pid, phone);
        assertEquals(Outcome.SENT, codes.send(pid, phone));
        awaitRecoveryCode(pid, 1);
        operators.resetCredential(pid, "operator1", "citizen called the help desk");
        assertEquals(0L, liveCodes(pid), "a reset kills the code sent before it");
        forget(pid);
        assertEquals(Outcome.SENT, codes.send(pid, phone));
        String code = awaitRecoveryCode(pid, 2);
        operators.lock(pid, "operator1", "suspected takeover");
        assertEquals(0L, liveCodes(pid), "a lock kills it too");
        operators.unlock(pid, "operator1", "cleared");
        confirmRecovery(pid, code, "Whatever_2026").then().statusCode(400).body("type", equalTo(INVALID_CODE));
    }

    /** Forgets the per-hour code count and the failed-login count (not the wrong-code count). */
    private void forget(String pid) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from recovery_code_sent where personal_id_number = ?1")
                    .setParameter(1, pid)
                    .executeUpdate();
            em.createNativeQuery("update citizen_account set failed_logins = 0, locked_until = null"
                            + " where personal_id_number = ?1")
                    .setParameter(1, pid)
                    .executeUpdate();
        });
    }

    @Test
    void aCodeDiesAfterFiveWrongTries() {
        String pid = newPersonalId();
        String phone = newPhone();
        createAccount(pid, phone);
        assertEquals(Outcome.SENT, codes.send(pid, phone));
        String code = awaitRecoveryCode(pid, 1);
        String wrong = code.equals("999999") ? "999998" : "999999";
        for (int i = 0; i < 4; i++) {
            confirmRecovery(pid, wrong, "Whatever_2026").then().statusCode(400);
        }
        // the lockout counts failures in a row: forget them, so the code's own limit is what is seen
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update citizen_account set failed_logins = 0 where personal_id_number = ?1")
                        .setParameter(1, pid)
                        .executeUpdate());
        confirmRecovery(pid, wrong, "Whatever_2026").then().statusCode(400);
        assertEquals(0L, liveCodes(pid), "the fifth wrong try kills the code");
        confirmRecovery(pid, code, "Whatever_2026").then().statusCode(400).body("type", equalTo(INVALID_CODE));
    }

    @Test
    void oneLiveCodePerAccountAndAtMostThreeCodesPerHourPerAccountAndPerNumber() {
        String pid = newPersonalId();
        String phone = newPhone();
        createAccount(pid, phone);
        assertEquals(Outcome.SENT, codes.send(pid, phone));
        String first = awaitRecoveryCode(pid, 1);
        assertEquals(Outcome.SENT, codes.send(pid, phone));
        String second = awaitRecoveryCode(pid, 2);
        assertEquals(Outcome.SENT, codes.send(pid, phone));
        String third = awaitRecoveryCode(pid, 3);
        assertEquals(Outcome.LIMIT_REACHED, codes.send(pid, phone), "a fourth within the hour: none");
        requestRecoveryCode(pid, phone).then().statusCode(202); // and the caller cannot tell
        assertEquals(1L, liveCodes(pid));
        for (String old : List.of(first, second)) {
            if (!old.equals(third)) {
                confirmRecovery(pid, old, "Whatever_2026").then().statusCode(400);
            }
        }
        confirmRecovery(pid, third, "Latest_code_2026").then().statusCode(204);

        // another account registered with the same number (a parent's phone) shares the number's limit
        String sibling = newPersonalId();
        createAccount(sibling, phone);
        assertEquals(Outcome.LIMIT_REACHED, codes.send(sibling, phone));
        assertEquals(0, smsRequests(sibling, "RECOVERY_CODE").size());
    }

    @Test
    void aPhoneChangeKillsTheTemporaryPasswordAndTheCodeSentToTheOldNumber() {
        String pid = newPersonalId();
        String oldPhone = newPhone();
        String temp = createAccount(pid, oldPhone);
        assertEquals(Outcome.SENT, codes.send(pid, oldPhone));
        String oldCode = awaitRecoveryCode(pid, 1);

        String newPhone = newPhone();
        sendCompleted(pid, newPhone);
        await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> smsRequests(pid, "PHONE_LINKED").size() == 1);
        ConsumerRecord<String, String> notice =
                smsRequests(pid, "PHONE_UNLINKED").get(0);
        assertEquals(oldPhone, openSms(notice).get("phoneNumber"));

        login(pid, temp).then().statusCode(401).body("type", equalTo("urn:vn-eid:problem:temporary-password-expired"));
        confirmRecovery(pid, oldCode, "Whatever_2026").then().statusCode(400).body("type", equalTo(INVALID_CODE));
        assertEquals(Outcome.NO_MATCH, codes.send(pid, oldPhone), "the old number gets no code any more");

        // the citizen activates with a code sent to the new number
        requestRecoveryCode(pid, newPhone).then().statusCode(202);
        String code = awaitRecoveryCode(pid, 2);
        assertEquals(newPhone, openSms(smsRequests(pid, "RECOVERY_CODE").get(1)).get("phoneNumber"));
        confirmRecovery(pid, code, "New_phone_2026").then().statusCode(204);
        login(pid, "New_phone_2026").then().statusCode(200);
    }

    @Test
    void malformedRequestsAreRefusedWithProblemDetails() {
        given().contentType("application/json")
                .body(Map.of("personalIdNumber", "12345", "phoneNumber", "hello"))
                .post("/api/v1/auth/recovery")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.size()", equalTo(2));
        given().contentType("application/json")
                .body(Map.of("personalIdNumber", newPersonalId(), "code", "12ab56", "newPassword", "Whatever_2026"))
                .post("/api/v1/auth/recovery/confirm")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("code"));
        given().contentType("application/json")
                .body(Map.of("personalIdNumber", newPersonalId(), "code", "123456", "newPassword", "x".repeat(129)))
                .post("/api/v1/auth/recovery/confirm")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .post("/api/v1/auth/recovery")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTheKeyedHashOfACodeIsStored() {
        String pid = newPersonalId();
        String phone = newPhone();
        createAccount(pid, phone);
        assertEquals(Outcome.SENT, codes.send(pid, phone));
        String code = awaitRecoveryCode(pid, 1);
        byte[] stored = QuarkusTransaction.requiringNew()
                .call(() -> (byte[])
                        em.createNativeQuery("select code_hash from recovery_code where personal_id_number = ?1")
                                .setParameter(1, pid)
                                .getSingleResult());
        assertEquals(32, stored.length);
        assertNotEquals(code, new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1));
        String phoneKey = QuarkusTransaction.requiringNew()
                .call(() -> (String)
                        em.createNativeQuery("select phone_key from recovery_code_sent where personal_id_number = ?1")
                                .setParameter(1, pid)
                                .getSingleResult());
        assertFalse(phoneKey.contains(phone.substring(3)), "no number in clear");
    }

    private long liveCodes(String pid) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number)
                                em.createNativeQuery("select count(*) from recovery_code where personal_id_number = ?1")
                                        .setParameter(1, pid)
                                        .getSingleResult())
                        .longValue());
    }

    private int failedLogins(String pid) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select failed_logins from citizen_account where personal_id_number = ?1")
                                .setParameter(1, pid)
                                .getSingleResult())
                        .intValue());
    }
}
