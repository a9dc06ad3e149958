package vn.gov.eid.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.notification.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.eid.smsc.ReceivedSms;
import vn.gov.eid.testsupport.TestKafka;

/** Requests on the real topic become SMS at the SMSC simulator, exactly once, with the fate of each tracked. */
@QuarkusTest
class SmsDeliveryTest {

    @Inject
    EntityManager em;

    @AfterEach
    void normalSmsc() {
        SmscTestResource.smsc.clearFaults();
    }

    @Test
    void requestBecomesOneSmsWithThePasswordAndEndsDelivered() {
        Request r = send("INITIAL_CREDENTIAL");

        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(r).size() == 1);
        ReceivedSms sms = smsTo(r).get(0);
        assertEquals("BoCongAn", sms.sourceAddress());
        Matcher m = Pattern.compile("Mat khau tam thoi: (\\S+)").matcher(sms.text());
        assertTrue(m.find(), sms.text());
        assertEquals(r.password(), m.group(1));
        assertEquals(
                "Tai khoan dinh danh dien tu cua NGUYEN VAN AN da duoc tao. Ten dang nhap: " + r.pid()
                        + ". Mat khau tam thoi: " + r.password() + " . Doi mat khau khi dang nhap lan dau.",
                sms.text());

        JsonNode view = awaitState(r, "DELIVERED");
        assertEquals(sms.smscMessageId(), view.get("smscMessageId").asText());
        assertEquals(1, view.get("attempts").asInt());
        assertEquals(1, view.get("segments").asInt());
        assertEquals("GSM7", view.get("encoding").asText());
        assertEquals(
                r.phone().substring(0, 3) + "******" + r.phone().substring(9),
                view.get("phoneMasked").asText());
        assertFalse(view.toString().contains(r.password()) || view.toString().contains(r.phone()));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> states(r.pid()).equals(List.of("QUEUED", "SUBMITTED", "DELIVERED")));
        assertEquals(1, smsTo(r).size());
        Object sealed = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select sealed from sms_message where personal_id_number = ?1")
                        .setParameter(1, r.pid())
                        .getSingleResult());
        assertNull(sealed, "ciphertext erased once delivered");
    }

    @Test
    void sameRequestTwiceSendsOneSms() {
        Request r = request("INITIAL_CREDENTIAL");
        String eventId = UUID.randomUUID().toString();
        send(r, eventId);
        awaitState(r, "DELIVERED");

        send(r, eventId); // redelivery of the same event
        send(r, UUID.randomUUID().toString()); // the same request re-published under a new event id
        // Same key, same partition: once a later request is handled, the duplicates have been too.
        Request marker = request("INITIAL_CREDENTIAL", Map.of("fullName", "NGUYEN VAN AN"), r.pid(), newPhone());
        send(marker, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(marker).size() == 1);

        assertEquals(1, smsTo(r).size());
        assertEquals(2, messages(r.pid()).size());
    }

    @Test
    void throttledSubmitsAreRetriedThenDelivered() {
        SmscTestResource.smsc.throttle(2);
        Request r = send("CREDENTIAL_RESET");

        JsonNode view = awaitState(r, "DELIVERED");
        assertEquals(3, view.get("attempts").asInt());
        assertEquals(1, smsTo(r).size());
        assertTrue(smsTo(r).get(0).text().contains("Mat khau tam thoi: " + r.password() + " "));
    }

    @Test
    void invalidDestinationFailsAtOnceAndIsDeadLettered() {
        SmscTestResource.smsc.reject(SMPPConstant.STAT_ESME_RINVDSTADR, 1);
        Request r = send("UPGRADE_NOTICE");

        JsonNode view = awaitState(r, "FAILED");
        assertEquals(1, view.get("attempts").asInt());
        assertTrue(view.get("lastError").asText().startsWith("INVALID_DESTINATION"), view.toString());
        assertEquals("INVALID_DESTINATION", view.get("failureCategory").asText(), "the typed category of lastError");
        assertTrue(smsTo(r).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> records(DLQ, r.pid()).size() == 1);
        JsonNode dead = records(DLQ, r.pid()).get(0);
        assertEquals(r.requestId(), dead.get("requestId").asText());
        assertTrue(dead.get("reason").asText().startsWith("INVALID_DESTINATION"));
        await().atMost(Duration.ofSeconds(10)).until(() -> states(r.pid()).equals(List.of("QUEUED", "FAILED")));
    }

    @Test
    void transientErrorsUntilTheLastAttemptFail() {
        SmscTestResource.smsc.throttle(3);
        Request r = send("PHONE_LINKED");

        JsonNode view = awaitState(r, "FAILED");
        assertEquals(3, view.get("attempts").asInt());
        assertTrue(view.get("lastError").asText().startsWith("RETRIES_EXHAUSTED"), view.toString());
        assertEquals("RETRIES_EXHAUSTED", view.get("failureCategory").asText(), "the typed category of lastError");
        assertTrue(smsTo(r).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> records(DLQ, r.pid()).size() == 1);
    }

    @Test
    void credentialWhoseSubmitWasCutOffIsResentAfterTheRebindAndDelivered() {
        int bindsBefore = SmscTestResource.smsc.bindCount();
        SmscTestResource.smsc.dropConnectionOnSubmit(1);
        Request r = send("INITIAL_CREDENTIAL");

        JsonNode view = awaitState(r, "DELIVERED");
        assertTrue(SmscTestResource.smsc.bindCount() > bindsBefore, "re-bound after the drop");
        assertEquals(1, smsTo(r).size(), "the simulator dropped before taking the first submit");
        assertTrue(smsTo(r).get(0).text().contains("Mat khau tam thoi: " + r.password() + " "));
        assertEquals(2, view.get("attempts").asInt());
        assertEquals(1, view.get("uncertainAttempts").asInt());
        assertTrue(view.get("possibleDuplicate").asBoolean(), "operators see that the first one may have gone");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> states(r.pid()).equals(List.of("QUEUED", "SUBMITTED", "DELIVERED")));
    }

    @Test
    void recoveryCodeIsACredentialResentAfterACutOffSubmitAndDelivered() {
        SmscTestResource.smsc.dropConnectionOnSubmit(1);
        Request r = send("RECOVERY_CODE");

        JsonNode view = awaitState(r, "DELIVERED");
        assertEquals(1, smsTo(r).size());
        assertEquals(
                "Ma xac thuc tai khoan dinh danh dien tu " + r.pid() + ": " + r.password()
                        + " . Ma dung mot lan trong it phut. Khong chia se ma nay voi bat ky ai.",
                smsTo(r).get(0).text());
        assertEquals(2, view.get("attempts").asInt(), "an unknown outcome is resent, as for a temporary password");
        assertFalse(view.toString().contains(r.password()), "the code is not in the operators' view");
    }

    @Test
    void aCredentialIsResentAtMostUntilTheCapOfUnknownOutcomes() {
        // an SMSC that keeps taking submits without answering must not flood the citizen
        SmscTestResource.smsc.dropConnectionOnSubmit(4);
        Request r = send("INITIAL_CREDENTIAL");

        JsonNode view = awaitState(r, "FAILED");
        assertEquals("TOO_MANY_UNKNOWN_OUTCOMES", view.get("failureCategory").asText());
        assertEquals(4, view.get("attempts").asInt());
        assertEquals(4, view.get("uncertainAttempts").asInt());
        assertTrue(smsTo(r).isEmpty());
        // the ciphertext stays for an operator's confirmed retry
        given().auth()
                .oauth2(operatorToken())
                .contentType("application/json")
                .body(Map.of("reason", "SMSC confirms none arrived", "confirmDuplicateRisk", true))
                .post("/api/v1/messages/" + view.get("id").asText() + "/retry")
                .then()
                .statusCode(202);
        awaitState(r, "DELIVERED");
        assertEquals(1, smsTo(r).size());
    }

    @Test
    void noticeWhoseSubmitWasCutOffIsFailedNotResent() {
        SmscTestResource.smsc.dropConnectionOnSubmit(1);
        Request lost = send("UPGRADE_NOTICE");

        JsonNode view = awaitState(lost, "FAILED");
        assertTrue(view.get("lastError").asText().startsWith("SUBMIT_OUTCOME_UNKNOWN"), view.toString());
        assertEquals("SUBMIT_OUTCOME_UNKNOWN", view.get("failureCategory").asText(), "the typed category of lastError");
        assertEquals(1, view.get("attempts").asInt());
        assertTrue(smsTo(lost).isEmpty());
    }

    @Test
    void undeliverableReceiptFailsTheMessage() {
        SmscTestResource.smsc.receiptState("UNDELIV");
        Request r = send("UPGRADE_NOTICE");
        JsonNode view = awaitState(r, "FAILED");
        assertEquals(1, smsTo(r).size());
        assertTrue(view.get("lastError").asText().startsWith("SMSC_UNDELIV"), view.toString());
        assertEquals("SMSC_UNDELIV", view.get("failureCategory").asText(), "the typed category of lastError");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> states(r.pid()).equals(List.of("QUEUED", "SUBMITTED", "FAILED")));
    }

    @Test
    void withheldReceiptLeavesTheMessageSubmitted() {
        SmscTestResource.smsc.withholdReceipts(true);
        Request r = send("UPGRADE_NOTICE");
        JsonNode view = awaitState(r, "SUBMITTED");
        assertEquals(1, smsTo(r).size());
        assertEquals(smsTo(r).get(0).smscMessageId(), view.get("smscMessageId").asText());
    }

    @Test
    void requestThatCannotBeOpenedIsDeadLetteredWithoutSending() {
        Request good = request("INITIAL_CREDENTIAL");
        String tampered = good.json().replaceFirst("\"sealed\":\"([^.]+)\\.", "\"sealed\":\"$1x.");
        assertNotEquals(good.json(), tampered);
        sendRequest(good.pid(), UUID.randomUUID().toString(), tampered);
        awaitDeadLetter(good.pid(), "cannot be opened");
        assertEquals(0, messages(good.pid()).size(), "a message row for a request that cannot be opened");
        assertTrue(smsTo(good).isEmpty());
    }

    @Test
    void malformedRequestGoesToTheDeadLetterTopicWithItsReason() {
        String pid = newPid();
        sendRequest(
                pid,
                UUID.randomUUID().toString(),
                "{\"requestId\":\"" + UUID.randomUUID() + "\",\"personalIdNumber\":\"" + pid
                        + "\",\"purpose\":\"INITIAL_CREDENTIAL\"}");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestKafka.readAll(DLQ).stream()
                        .anyMatch(rec ->
                                pid.equals(rec.key()) && rec.headers().lastHeader("dead-letter-reason") != null));
        assertEquals(0, messages(pid).size());
    }
}
