package vn.gov.eid.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.gov.eid.platform.crypto.Sealing;
import vn.gov.eid.platform.privacy.Masking;
import vn.gov.eid.platform.signing.EventSigner;
import vn.gov.eid.platform.signing.KafkaRecordSignatures;
import vn.gov.eid.smsc.ReceivedSms;
import vn.gov.eid.testsupport.TestKafka;
import vn.gov.eid.testsupport.TestKeys;
import vn.gov.eid.testsupport.TestTokens;

/** Builds SMS requests as identity-service sends them and reads what came out. */
final class Fixtures {

    static final String REQUESTS = "notification.sms-requests.v1";
    static final String STATUS = "notification.sms-status.v1";
    static final String DLQ = "notification.sms-requests.v1.dlq";
    static final String SMS_REQUESTED = "vn.gov.eid.sms.requested.v1";
    static final String IDENTITY_SOURCE = "/eid/identity-service";
    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** One citizen's request, with a fresh ID number, phone and password. */
    record Request(String requestId, String pid, String phone, String password, String json) {
        String destination() {
            return phone.substring(1);
        }
    }

    static String newPid() {
        return String.format("0012%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String newPhone() {
        return String.format("+8491%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    static String newPassword() {
        return "Tmp" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 45), 36) + "@9";
    }

    static Request request(String purpose) {
        return request(purpose, Map.of("fullName", "NGUYEN VAN AN"));
    }

    /** A request with the given non-secret template parameters (e.g. a fullName with diacritics). */
    static Request request(String purpose, Map<String, String> templateParams) {
        return request(purpose, templateParams, newPid(), newPhone());
    }

    /** A request for a given citizen and phone, its secret sealed as identity-service seals it (bound to the request). */
    static Request request(String purpose, Map<String, String> templateParams, String pid, String phone) {
        String password =
                purpose.equals("INITIAL_CREDENTIAL") || purpose.equals("CREDENTIAL_RESET") ? newPassword() : null;
        String code = purpose.equals("RECOVERY_CODE")
                ? String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000))
                : null;
        String requestId = UUID.randomUUID().toString();
        java.util.Map<String, Object> secret = new java.util.HashMap<>();
        secret.put("phoneNumber", phone);
        secret.put("password", password);
        secret.put("code", code);
        secret.put("personalIdNumber", pid);
        secret.put("requestId", requestId);
        String sealed = Sealing.seal(secret, TestKeys.smsKeyPair().getPublic());
        try {
            String json = JSON.writeValueAsString(Map.of(
                    "requestId",
                    requestId,
                    "personalIdNumber",
                    pid,
                    "purpose",
                    purpose,
                    "phoneMasked",
                    Masking.phone(phone),
                    "templateParams",
                    templateParams,
                    "sealed",
                    sealed));
            // password(): the one-time credential, a temporary password or a code
            return new Request(requestId, pid, phone, password != null ? password : code, json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A message row as the service would have stored it for the request (as a stopped process leaves it), due now;
     * the caller persists it.
     */
    static vn.gov.eid.notification.domain.SmsMessage storedRow(
            Request r,
            vn.gov.eid.notification.domain.Purpose purpose,
            String fullName,
            vn.gov.eid.notification.domain.SmsState state,
            java.time.Instant now)
            throws Exception {
        JsonNode req = JSON.readTree(r.json());
        var m = new vn.gov.eid.notification.domain.SmsMessage();
        m.id = java.util.UUID.randomUUID();
        m.requestId = java.util.UUID.fromString(r.requestId());
        m.personalIdNumber = r.pid();
        m.purpose = purpose;
        m.phoneMasked = req.get("phoneMasked").asText();
        m.templateParams = JSON.writeValueAsString(Map.of("fullName", fullName));
        m.sealed = req.get("sealed").asText();
        m.state = state;
        m.attempts = state == vn.gov.eid.notification.domain.SmsState.SENDING ? 1 : 0;
        m.createdAt = now;
        m.queuedAt = now;
        m.updatedAt = now;
        m.nextAttemptAt = now;
        m.validUntil = now.plus(java.time.Duration.ofHours(72));
        return m;
    }

    static Request send(String purpose) {
        Request r = request(purpose);
        send(r, UUID.randomUUID().toString());
        return r;
    }

    static void send(Request r, String eventId) {
        sendRequest(r.pid(), eventId, r.json());
    }

    /** Sends SMS-request data as identity-service publishes it: from its source, signed with its event key. */
    static void sendRequest(String pid, String eventId, String json) {
        TestKafka.sendCloudEvent(
                REQUESTS, pid, SMS_REQUESTED, eventId, json, IDENTITY_SOURCE, Fixtures::signAsIdentityService);
    }

    static ProducerRecord<String, String> signAsIdentityService(ProducerRecord<String, String> record) {
        KeyPair keys = TestKeys.eventKeyPair("IDENTITY");
        KafkaRecordSignatures.sign(new EventSigner(keys.getPrivate(), keys.getPublic()), record);
        return record;
    }

    /** Waits for a dead letter of the citizen whose reason contains {@code reason}; returns it. */
    static ConsumerRecord<String, String> awaitDeadLetter(String pid, String reason) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestKafka.readAll(DLQ).stream()
                                .filter(rec -> pid.equals(rec.key()))
                                .filter(rec -> {
                                    var h = rec.headers().lastHeader("dead-letter-reason");
                                    return h != null
                                            && new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)
                                                    .contains(reason);
                                })
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
    }

    static List<ReceivedSms> smsTo(Request r) {
        return SmscTestResource.smsc.received().stream()
                .filter(s -> s.destinationAddress().equals(r.destination()))
                .toList();
    }

    static String operatorToken() {
        return TestTokens.token("operator1", "operator");
    }

    /** The operator view of the citizen's messages. */
    static JsonNode messages(String pid) {
        String body = given().auth()
                .oauth2(operatorToken())
                .queryParam("personalIdNumber", pid)
                .get("/api/v1/messages")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the citizen's only message is in the given state and returns it. */
    static JsonNode awaitState(Request r, String state) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    JsonNode list = messages(r.pid());
                    return list.size() == 1
                            && state.equals(list.get(0).get("state").asText());
                });
        return messages(r.pid()).get(0);
    }

    static List<JsonNode> records(String topic, String pid) {
        return TestKafka.readAll(topic).stream()
                .filter(rec -> pid.equals(rec.key()))
                .map(Fixtures::data)
                .toList();
    }

    static JsonNode data(ConsumerRecord<String, String> rec) {
        try {
            return JSON.readTree(rec.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> states(String pid) {
        return records(STATUS, pid).stream().map(n -> n.get("state").asText()).toList();
    }
}
