package vn.gov.eid.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.notification.Fixtures.*;

import io.quarkus.test.junit.QuarkusTest;
import java.security.KeyPair;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.signing.EventSigner;
import vn.gov.eid.platform.signing.KafkaRecordSignatures;
import vn.gov.eid.testsupport.TestKafka;
import vn.gov.eid.testsupport.TestKeys;

/**
 * The SMS-request topic is a trust boundary: only identity-service's signed requests send an SMS from the official
 * sender; a forged one, one from another producer, or one carrying another request's sealed secret sends nothing.
 */
@QuarkusTest
class ForgedRequestsTest {

    private static void assertNothingSent(Request r, String reason) {
        awaitDeadLetter(r.pid(), reason);
        assertEquals(0, messages(r.pid()).size(), "a message row for a refused request");
        assertTrue(smsTo(r).isEmpty(), "an SMS for a refused request");
    }

    @Test
    void anUnsignedRequestWithARealSealedSecretSendsNoSms() {
        Request forged = request("INITIAL_CREDENTIAL", Map.of("fullName", "Your bank: call 1900"));
        TestKafka.sendCloudEvent(
                REQUESTS,
                forged.pid(),
                SMS_REQUESTED,
                UUID.randomUUID().toString(),
                forged.json(),
                IDENTITY_SOURCE,
                rec -> rec);
        assertNothingSent(forged, "UNSIGNED");
    }

    @Test
    void aRequestSignedByAnotherProducerSendsNoSms() {
        Request forged = request("INITIAL_CREDENTIAL");
        KeyPair dossier = TestKeys.eventKeyPair("DOSSIER");
        TestKafka.sendCloudEvent(
                REQUESTS,
                forged.pid(),
                SMS_REQUESTED,
                UUID.randomUUID().toString(),
                forged.json(),
                "/eid/dossier-service",
                rec -> {
                    KafkaRecordSignatures.sign(new EventSigner(dossier.getPrivate(), dossier.getPublic()), rec);
                    return rec;
                });
        assertNothingSent(forged, "UNKNOWN_SOURCE");
    }

    @Test
    void aSealedSecretMovedIntoAnotherRequestSendsNoSms() throws Exception {
        Request original = request("INITIAL_CREDENTIAL");
        Request other = request("INITIAL_CREDENTIAL");
        String sealedOfOriginal =
                Fixtures.JSON.readTree(original.json()).get("sealed").asText();
        String moved = other.json().replaceFirst("\"sealed\":\"[^\"]+\"", "\"sealed\":\"" + sealedOfOriginal + "\"");
        // signed by identity-service itself, yet the secret inside belongs to another citizen's request
        sendRequest(other.pid(), UUID.randomUUID().toString(), moved);
        assertNothingSent(other, "another record");
    }
}
