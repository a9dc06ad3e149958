package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.identity.Fixtures.*;

import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPair;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import vn.gov.eid.infra.DevKeys;
import vn.gov.eid.platform.signing.EventSigner;
import vn.gov.eid.platform.signing.KafkaRecordSignatures;
import vn.gov.eid.testsupport.TestKafka;

/**
 * The dossier topic is a trust boundary: a record that dossier-service did not sign, or whose signed content was
 * changed, or that carries a sealed contact of another record, creates no account and sends no SMS; it is
 * dead-lettered with the reason and counted.
 */
@QuarkusTest
class ForgedRecordsTest {

    private static final KeyPair ATTACKER = DevKeys.ed25519();

    /** The attack of issue 8: valid headers, the contact sealed with identity-service's real public key. */
    private static String forgedCompleted(String pid, String attackerPhone) {
        return completedDossier(pid, "Nguyen Van Gia", attackerPhone, "gia@example.vn");
    }

    private static void send(String pid, String id, String data, UnaryOperator<ProducerRecord<String, String>> how) {
        TestKafka.sendCloudEvent(DOSSIER_TOPIC, pid, COMPLETED, id, data, DOSSIER_SOURCE, how);
    }

    private static void assertNoEffect(String pid, String eventId, String reason) {
        List<ConsumerRecord<String, String>> dead = awaitDeadLetter(pid, eventId);
        assertEquals(1, dead.size());
        assertTrue(
                header(dead.get(0), "dead-letter-reason").contains(reason),
                "dead-letter reason: " + header(dead.get(0), "dead-letter-reason"));
        awaitConsumed(DOSSIER_TOPIC);
        given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid)
                .then()
                .statusCode(404);
        assertTrue(records(SMS_TOPIC, pid).isEmpty(), "an SMS request for a forged record");
        assertTrue(records(ACCOUNTS_TOPIC, pid).isEmpty(), "an account event for a forged record");
    }

    @Test
    void anUnsignedCompletedDossierCreatesNoAccountAndNoSms() {
        String pid = newPersonalId();
        String id = UUID.randomUUID().toString();
        send(pid, id, forgedCompleted(pid, newPhone()), r -> r);
        assertNoEffect(pid, id, "UNSIGNED");
        given().get("/q/metrics")
                .then()
                .body(containsString("eid_events_rejected_total{reason=\"UNSIGNED\",topic=\"dossier.events.v1\"}"));
    }

    @Test
    void aRecordSignedWithAnotherKeyCreatesNoAccount() {
        String pid = newPersonalId();
        String id = UUID.randomUUID().toString();
        send(pid, id, forgedCompleted(pid, newPhone()), r -> {
            KafkaRecordSignatures.sign(new EventSigner(ATTACKER.getPrivate(), ATTACKER.getPublic()), r);
            return r;
        });
        assertNoEffect(pid, id, "UNKNOWN_KEY");
    }

    @Test
    void aGenuineRecordWithOneByteOfItsPayloadChangedIsRejected() {
        String pid = newPersonalId();
        String id = UUID.randomUUID().toString();
        String genuine = completedDossier(pid, "Nguyen Van Gia", newPhone(), "gia@example.vn");
        send(pid, id, genuine, r -> {
            signAsDossierService(r);
            // partners reach the broker: one byte rewritten after signing (the name's initial)
            String changed = r.value().replace("\"Nguyen Van Gia\"", "\"Mguyen Van Gia\"");
            assertTrue(
                    !changed.equals(r.value()) && changed.length() == r.value().length());
            return new ProducerRecord<>(r.topic(), r.partition(), r.key(), changed, r.headers());
        });
        assertNoEffect(pid, id, "MODIFIED");
    }

    @Test
    void aGenuineSealedContactMovedIntoAnotherCitizensRecordIsRefused() {
        String victim = newPersonalId();
        String attackerPhone = newPhone();
        String sealedForAnother = sealedContact(
                attackerPhone,
                "x@example.vn",
                newPersonalId(),
                UUID.randomUUID().toString());
        String data = dossier(victim, "Tran Van Bi", registration(sealedForAnother, attackerPhone));
        String id = UUID.randomUUID().toString();
        // even a record signed by dossier-service itself cannot carry another record's contact
        send(victim, id, data, Fixtures::signAsDossierService);
        assertNoEffect(victim, id, "another record");
    }

    @Test
    void aForgedRecordCannotMoveAnExistingAccountsPhone() {
        String pid = newPersonalId();
        String phone = newPhone();
        sendCompleted(pid, phone);
        awaitRecords(SMS_TOPIC, pid, "vn.gov.eid.sms.requested.v1", 1);
        String id = UUID.randomUUID().toString();
        send(pid, id, forgedCompleted(pid, newPhone()), r -> r);
        awaitDeadLetter(pid, id);
        awaitConsumed(DOSSIER_TOPIC);
        List<ConsumerRecord<String, String>> sms = records(SMS_TOPIC, pid);
        assertEquals(1, sms.size(), "a forged record made an SMS request");
        assertEquals(phone, openSms(sms.get(0)).get("phoneNumber"));
    }
}
