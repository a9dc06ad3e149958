package vn.gov.eid.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.notification.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.gov.eid.notification.domain.FailureCategory;
import vn.gov.eid.notification.domain.Purpose;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.smsc.ReceivedSms;

/**
 * What the handset gets for texts beyond one GSM-7 segment (Vietnamese diacritics in UCS-2, long texts in one
 * submit_sm with message_payload), and the maximum age of a message that was never sent.
 */
@QuarkusTest
class TextAndAgeTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "eid.sms.max-age")
    Duration maxAge;

    @Test
    void nameWithDiacriticsIsSentAsUcs2AndArrivesIntact() {
        Request r = request("UPGRADE_NOTICE", Map.of("fullName", "Nguyễn Văn An"));
        send(r, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(r).size() == 1);
        // The simulator decodes by the data_coding of the submit_sm: only UCS-2 (8) gives back these letters.
        String expected = "Tai khoan dinh danh dien tu cua Nguyễn Văn An (" + r.pid() + ") da duoc nang len muc 2.";
        assertEquals(expected, smsTo(r).get(0).text());
        JsonNode view = awaitState(r, "DELIVERED");
        assertEquals("UCS2", view.get("encoding").asText());
        // 84 UTF-16 units: more than the 70 of one UCS-2 segment, so 2 segments of 67.
        assertEquals(84, expected.length());
        assertEquals(2, view.get("segments").asInt());
        assertEquals(1, view.get("attempts").asInt());
    }

    @Test
    void credentialTextWithDiacriticsCarriesThePasswordInThreeUcs2Segments() {
        Request r = request("INITIAL_CREDENTIAL", Map.of("fullName", "Nguyễn Văn An"));
        send(r, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(r).size() == 1);
        ReceivedSms sms = smsTo(r).get(0);
        String expected = "Tai khoan dinh danh dien tu cua Nguyễn Văn An da duoc tao. Ten dang nhap: " + r.pid()
                + ". Mat khau tam thoi: " + r.password() + " . Doi mat khau khi dang nhap lan dau.";
        assertEquals(expected, sms.text());
        JsonNode view = awaitState(r, "DELIVERED");
        assertEquals("UCS2", view.get("encoding").asText());
        assertTrue(expected.length() > 134 && expected.length() <= 201, "length " + expected.length());
        assertEquals(3, view.get("segments").asInt());
        assertEquals(sms.smscMessageId(), view.get("smscMessageId").asText(), "one submit_sm, one SMSC id");
    }

    @Test
    void longAsciiTextIsTwoGsm7SegmentsInOneSubmit() {
        String name = "TON NU HUYEN TRAN CONG CHUA DOAN THI NGOC TRAN NGUYEN PHUC VINH THUY BAO DAI LE THI PHUONG THAO";
        Request r = request("UPGRADE_NOTICE", Map.of("fullName", name));
        send(r, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(r).size() == 1);
        String expected = "Tai khoan dinh danh dien tu cua " + name + " (" + r.pid() + ") da duoc nang len muc 2.";
        assertEquals(expected, smsTo(r).get(0).text());
        JsonNode view = awaitState(r, "DELIVERED");
        assertEquals("GSM7", view.get("encoding").asText());
        assertEquals(166, expected.length(), "over 160 septets: two segments of 153");
        assertEquals(2, view.get("segments").asInt());
        assertEquals(1, smsTo(r).size());
    }

    private SmsMessage row(Request r, SmsState state, Instant created) throws Exception {
        JsonNode req = JSON.readTree(r.json());
        SmsMessage m = new SmsMessage();
        m.id = UUID.randomUUID();
        m.requestId = UUID.fromString(r.requestId());
        m.personalIdNumber = r.pid();
        m.purpose = Purpose.valueOf(req.get("purpose").asText());
        m.phoneMasked = req.get("phoneMasked").asText();
        m.templateParams = "{\"fullName\":\"LE VAN CUONG\"}";
        m.sealed = req.get("sealed").asText();
        m.state = state;
        m.createdAt = created;
        m.queuedAt = created;
        m.updatedAt = created;
        m.nextAttemptAt = created;
        m.validUntil = created.plus(Duration.ofHours(72));
        return m;
    }

    @Test
    void credentialPastItsValidityExpiresWithoutBeingSentHoweverYoung() throws Exception {
        Request r = request("INITIAL_CREDENTIAL");
        SmsMessage m = row(r, SmsState.QUEUED, Instant.now());
        m.validUntil = Instant.now().minusSeconds(1);
        QuarkusTransaction.requiringNew().run(m::persist);

        JsonNode view = awaitState(r, "EXPIRED");
        assertTrue(view.get("lastError").asText().contains("the credential expired"), view.toString());
        assertEquals("NOT_SENT_IN_TIME", view.get("failureCategory").asText());
        assertEquals(0, view.get("attempts").asInt());
        assertTrue(smsTo(r).isEmpty());
    }

    @Test
    void anOlderCredentialNotYetSentIsSupersededByANewerOneAndNeverSent() throws Exception {
        Request older = request("CREDENTIAL_RESET");
        SmsMessage old = row(older, SmsState.QUEUED, Instant.now().minusSeconds(600));
        old.nextAttemptAt = Instant.now().plus(Duration.ofDays(1)); // held back, as behind an SMSC outage
        QuarkusTransaction.requiringNew().run(old::persist);
        Request newer =
                request("CREDENTIAL_RESET", java.util.Map.of("fullName", "LE VAN CUONG"), older.pid(), older.phone());
        send(newer, UUID.randomUUID().toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> smsTo(newer).size() == 1);

        QuarkusTransaction.requiringNew().run(() -> {
            SmsMessage due = SmsMessage.findById(old.id);
            due.nextAttemptAt = Instant.now();
        });
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "EXPIRED"
                        .equals(QuarkusTransaction.requiringNew()
                                .call(() -> SmsMessage.<SmsMessage>findById(old.id)
                                        .state
                                        .name())));
        SmsMessage after = QuarkusTransaction.requiringNew().call(() -> SmsMessage.findById(old.id));
        assertEquals(FailureCategory.SUPERSEDED, after.failureCategory);
        assertEquals(0, after.attempts);
        assertTrue(smsTo(older).stream().noneMatch(sms -> sms.text().contains(older.password())), "old password sent");
    }

    @Test
    void noticeOlderThanTheMaximumAgeExpiresWithoutBeingSent() throws Exception {
        Request r = request("UPGRADE_NOTICE");
        SmsMessage m = row(r, SmsState.QUEUED, Instant.now().minus(maxAge).minusSeconds(60));
        QuarkusTransaction.requiringNew().run(m::persist);

        JsonNode view = awaitState(r, "EXPIRED");
        assertTrue(view.get("lastError").asText().startsWith("NOT_SENT_IN_TIME"), view.toString());
        assertEquals("NOT_SENT_IN_TIME", view.get("failureCategory").asText(), "the typed category of lastError");
        assertEquals(0, view.get("attempts").asInt());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> states(r.pid()).equals(List.of("EXPIRED"))
                        && records(DLQ, r.pid()).size() == 1);
        assertEquals("EXPIRED", records(DLQ, r.pid()).get(0).get("state").asText());
        assertTrue(smsTo(r).isEmpty());
        Object sealed = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select sealed from sms_message where id = ?1")
                        .setParameter(1, m.id)
                        .getSingleResult());
        assertNull(sealed, "an expired message keeps no ciphertext");
    }

    @Test
    void retriedOldMessageIsNotExpiredBecauseItsAgeCountsFromTheRetry() throws Exception {
        Request r = request("CREDENTIAL_RESET");
        Instant longAgo = Instant.now().minus(maxAge).minusSeconds(600);
        SmsMessage m = row(r, SmsState.FAILED, longAgo);
        m.attempts = 1;
        m.recordFailure(FailureCategory.REJECTED, "REJECTED: SMSC status 0x0000000a");
        m.finalAt = Instant.now().minusSeconds(5);
        QuarkusTransaction.requiringNew().run(m::persist);

        given().auth()
                .oauth2(operatorToken())
                .contentType("application/json")
                .body(Map.of("reason", "failed an hour ago, citizen at the counter now"))
                .post("/api/v1/messages/" + m.id + "/retry")
                .then()
                .statusCode(202);
        JsonNode view = awaitState(r, "DELIVERED");
        assertEquals(2, view.get("attempts").asInt());
        assertEquals(1, smsTo(r).size());
        assertTrue(smsTo(r).get(0).text().contains("Mat khau tam thoi: " + r.password() + " "));
    }
}
