package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.identity.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestKafka;

/** A completed dossier becomes one account, one account-created event and one sealed SMS request. */
@QuarkusTest
class AccountCreationTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @jakarta.inject.Inject
    vn.gov.eid.identity.service.PasswordHasher hasher;

    @Test
    void completedDossierCreatesPendingLevel2AccountWithSealedSmsAndCreatedEvent() {
        String pid = newPersonalId();
        String phone = newPhone();
        sendCompleted(pid, phone);

        JsonNode account = awaitAccount(pid);
        assertEquals(2, account.get("level").asInt());
        assertEquals("PENDING_ACTIVATION", account.get("status").asText());
        assertNotNull(account.get("createdAt").asText());
        assertFalse(
                account.has("phone") || account.has("email") || account.has("passwordHash"),
                "account view leaks contact data or hash: " + account);

        ConsumerRecord<String, String> created = awaitRecords(ACCOUNTS_TOPIC, pid, "vn.gov.eid.account.created.v1", 1)
                .get(0);
        JsonNode createdData = json(created.value());
        assertEquals(pid, createdData.get("personalIdNumber").asText());
        assertEquals("PENDING_ACTIVATION", createdData.get("status").asText());
        assertEquals("/eid/identity-service", header(created, "ce_source"));
        assertFalse(created.value().contains(phone.substring(3)), "phone number in the partner event");

        ConsumerRecord<String, String> sms =
                awaitRecords(SMS_TOPIC, pid, "vn.gov.eid.sms.requested.v1", 1).get(0);
        JsonNode smsData = json(sms.value());
        assertEquals("INITIAL_CREDENTIAL", smsData.get("purpose").asText());
        assertEquals(
                phone.substring(0, 3) + "******" + phone.substring(9),
                smsData.get("phoneMasked").asText());
        assertEquals(
                "NGUYEN VAN AN", smsData.get("templateParams").get("fullName").asText());
        // worth sending (and resending) until the temporary password expires, 72 hours on
        java.time.Duration validity = java.time.Duration.between(
                java.time.Instant.now(),
                java.time.Instant.parse(smsData.get("validUntil").asText()));
        assertTrue(
                validity.compareTo(java.time.Duration.ofHours(71)) > 0
                        && validity.compareTo(java.time.Duration.ofHours(72)) <= 0,
                "validUntil " + smsData.get("validUntil"));
        Map<String, Object> secret = openSms(sms);
        assertEquals(phone, secret.get("phoneNumber"));
        String password = (String) secret.get("password");
        assertEquals(12, password.length());
        assertTrue(
                password.matches("[A-HJ-NP-Za-km-z2-9!@#$^*()_]{12}"),
                "look-alike or foreign character in " + password.length() + "-char password");

        // The password from the SMS logs in (restricted until changed).
        login(pid, password).then().statusCode(200).body("password_change_required", equalTo(true));

        // Neither the password nor the full phone number is in clear in any record identity-service wrote or read.
        for (String topic : List.of(ACCOUNTS_TOPIC, SMS_TOPIC, DOSSIER_TOPIC)) {
            for (ConsumerRecord<String, String> r : TestKafka.readAll(topic)) {
                assertFalse(r.value() != null && r.value().contains(password), "password in clear on " + topic);
                assertFalse(r.value() != null && r.value().contains(phone), "full phone number in clear on " + topic);
                for (Header h : r.headers()) {
                    assertFalse(
                            new String(h.value(), StandardCharsets.UTF_8).contains(password),
                            "password in a header on " + topic);
                }
            }
        }
    }

    @Test
    void sameEventDeliveredTwiceCreatesOneAccountAndOneSmsRequest() {
        String pid = newPersonalId();
        String eventId = UUID.randomUUID().toString();
        String data = completedDossier(pid, "Tran Thi Binh", newPhone(), "binh@example.vn");
        sendDossierEvent(pid, COMPLETED, eventId, data);
        sendDossierEvent(pid, COMPLETED, eventId, data);
        awaitAccount(pid);
        awaitConsumed(DOSSIER_TOPIC);

        assertEquals(1, records(SMS_TOPIC, pid).size(), "SMS requests for one event delivered twice");
        assertEquals(1, records(ACCOUNTS_TOPIC, pid).size(), "account events for one event delivered twice");

        // A later dossier moves the phone; replaying the first event afterwards must not move it back.
        String laterPhone = newPhone();
        sendDossierEvent(
                pid,
                COMPLETED,
                UUID.randomUUID().toString(),
                completedDossier(pid, "Tran Thi Binh", laterPhone, "binh@example.vn"));
        // the notice to the old number, then the one to the new number
        awaitRecords(SMS_TOPIC, pid, "vn.gov.eid.sms.requested.v1", 3);
        sendDossierEvent(pid, COMPLETED, eventId, data);
        awaitConsumed(DOSSIER_TOPIC);
        List<ConsumerRecord<String, String>> sms = records(SMS_TOPIC, pid);
        assertEquals(3, sms.size(), "the replayed event was processed again");
        assertEquals(laterPhone, openSms(sms.get(2)).get("phoneNumber"));
    }

    @Test
    void laterDossierOfALevel2AccountUpdatesContactAndTellsBothPhonesWithoutNewPassword() {
        String pid = newPersonalId();
        String oldPhone = newPhone();
        sendCompleted(pid, oldPhone);
        String temp = (String) openSms(awaitRecords(SMS_TOPIC, pid, "vn.gov.eid.sms.requested.v1", 1)
                        .get(0))
                .get("password");
        given().auth()
                .oauth2((String) login(pid, temp).path("access_token"))
                .contentType("application/json")
                .body(Map.of("currentPassword", temp, "newPassword", "Own_pass_2026"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(204);

        // EXCHANGE with the same phone: no SMS at all.
        sendCompleted(pid, oldPhone);
        awaitConsumed(DOSSIER_TOPIC);
        assertEquals(1, records(SMS_TOPIC, pid).size(), "an SMS for an unchanged phone");

        // REISSUE with a new phone: the old number is told it is no longer linked, the new one that it is; no
        // password travels.
        String newPhone = newPhone();
        sendCompleted(pid, newPhone);
        List<ConsumerRecord<String, String>> sms = awaitRecords(SMS_TOPIC, pid, "vn.gov.eid.sms.requested.v1", 3);
        ConsumerRecord<String, String> unlinked = sms.get(1);
        assertEquals("PHONE_UNLINKED", json(unlinked.value()).get("purpose").asText());
        assertEquals(oldPhone, openSms(unlinked).get("phoneNumber"));
        assertFalse(openSms(unlinked).containsKey("password"), "a password in a phone-unlinked SMS");
        ConsumerRecord<String, String> linked = sms.get(2);
        assertEquals("PHONE_LINKED", json(linked.value()).get("purpose").asText());
        Map<String, Object> secret = openSms(linked);
        assertEquals(newPhone, secret.get("phoneNumber"));
        assertFalse(secret.containsKey("password"), "a password in a phone-linked SMS");

        // Same account, the citizen's own password still works, still level 2 and never a second account-created
        // event.
        login(pid, "Own_pass_2026").then().statusCode(200);
        assertEquals(
                1,
                records(ACCOUNTS_TOPIC, pid).stream()
                        .filter(r -> "vn.gov.eid.account.created.v1".equals(header(r, "ce_type")))
                        .count());
    }

    @Test
    void level1AccountIsUpgradedAndKeepsItsPassword() {
        String pid = newPersonalId();
        String phone = newPhone();
        insertLevel1Account(em, hasher, pid, "App_pass_2025", phone);
        sendCompleted(pid, phone);

        ConsumerRecord<String, String> upgraded = awaitRecords(ACCOUNTS_TOPIC, pid, "vn.gov.eid.account.upgraded.v1", 1)
                .get(0);
        assertEquals(2, json(upgraded.value()).get("level").asInt());
        assertEquals(1, json(upgraded.value()).get("previousLevel").asInt());
        given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid)
                .then()
                .body("level", equalTo(2))
                .body("status", equalTo("ACTIVE"));

        ConsumerRecord<String, String> sms =
                awaitRecords(SMS_TOPIC, pid, "vn.gov.eid.sms.requested.v1", 1).get(0);
        assertEquals("UPGRADE_NOTICE", json(sms.value()).get("purpose").asText());
        assertFalse(openSms(sms).containsKey("password"), "a password in an upgrade notice");
        assertFalse(json(sms.value()).has("validUntil"), "a notice has no credential validity");
        login(pid, "App_pass_2025").then().statusCode(200).body("password_change_required", equalTo(false));
        assertTrue(records(ACCOUNTS_TOPIC, pid).stream()
                .noneMatch(r -> "vn.gov.eid.account.created.v1".equals(header(r, "ce_type"))));
    }

    @Test
    void dossierWithoutEidRegistrationCreatesNoAccount() {
        String pid = newPersonalId();
        sendDossierEvent(pid, COMPLETED, UUID.randomUUID().toString(), dossier(pid, "Le Van Cuong", null));
        awaitConsumed(DOSSIER_TOPIC);

        given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:account-not-found"));
        assertTrue(records(SMS_TOPIC, pid).isEmpty());
    }

    @Test
    void unknownEventTypesAreIgnoredAndUnreadableOnesDeadLettered() {
        String pid = newPersonalId();
        sendDossierEvent(
                pid,
                "vn.gov.eid.dossier.submitted.v1",
                UUID.randomUUID().toString(),
                "{\"dossierId\":\"x\",\"personalIdNumber\":\"" + pid + "\",\"status\":\"SUBMITTED\"}");
        String badId = UUID.randomUUID().toString();
        sendDossierEvent(pid, COMPLETED, badId, "{not json");
        List<ConsumerRecord<String, String>> dead = Fixtures.awaitDeadLetter(pid, badId);
        assertEquals(1, dead.size());
        awaitConsumed(DOSSIER_TOPIC);
        given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid)
                .then()
                .statusCode(404);
        assertNull(records(SMS_TOPIC, pid).stream().findAny().orElse(null));
    }
}
