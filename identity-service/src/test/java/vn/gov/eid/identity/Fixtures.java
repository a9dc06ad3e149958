package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import vn.gov.eid.platform.crypto.Sealing;
import vn.gov.eid.platform.signing.EventSigner;
import vn.gov.eid.platform.signing.KafkaRecordSignatures;
import vn.gov.eid.testsupport.TestKafka;
import vn.gov.eid.testsupport.TestKeys;
import vn.gov.eid.testsupport.TestTokens;

/** Test helpers: completed-dossier events as dossier-service sends them, and readers of what identity-service wrote. */
final class Fixtures {

    static final String DOSSIER_TOPIC = "dossier.events.v1";
    static final String ACCOUNTS_TOPIC = "identity.accounts.v1";
    static final String SMS_TOPIC = "notification.sms-requests.v1";
    static final String COMPLETED = "vn.gov.eid.dossier.completed.v1";
    static final String DOSSIER_SOURCE = "/eid/dossier-service";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Fixtures() {}

    /** A fresh, valid-looking personal ID number (Hanoi, male born 2003) so tests never collide. */
    static String newPersonalId() {
        return String.format("001203%06d", RANDOM.nextInt(1_000_000));
    }

    /** A fresh Vietnamese mobile number in E.164. */
    static String newPhone() {
        return String.format("+8491%07d", RANDOM.nextInt(10_000_000));
    }

    /** The JSON data of a completed dossier with an e-ID registration sealed to identity-service's contact key. */
    static String completedDossier(String pid, String fullName, String phone, String email) {
        String dossierId = UUID.randomUUID().toString();
        return dossier(pid, fullName, registration(sealedContact(phone, email, pid, dossierId), phone), dossierId);
    }

    /** Contact data sealed as dossier-service seals it: bound to the citizen and the dossier it travels in. */
    static String sealedContact(String phone, String email, String pid, String dossierId) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("phoneNumber", phone);
        contact.put("email", email);
        contact.put("personalIdNumber", pid);
        contact.put("dossierId", dossierId);
        return Sealing.seal(contact, TestKeys.contactKeyPair().getPublic());
    }

    static Map<String, Object> registration(String sealedContact, String phone) {
        Map<String, Object> reg = new LinkedHashMap<>();
        reg.put(
                "phoneMasked",
                phone.substring(0, 3) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 3));
        reg.put("sealedContact", sealedContact);
        reg.put("dependents", List.of());
        reg.put("integratedDocuments", List.of());
        return reg;
    }

    static String dossier(String pid, String fullName, Map<String, Object> eidRegistration) {
        return dossier(pid, fullName, eidRegistration, UUID.randomUUID().toString());
    }

    static String dossier(String pid, String fullName, Map<String, Object> eidRegistration, String dossierId) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("dossierId", dossierId);
        d.put("dossierType", "ISSUE");
        d.put("personalIdNumber", pid);
        d.put("fullName", fullName);
        d.put("dateOfBirth", "2003-05-14");
        d.put("sex", "MALE");
        d.put("completedAt", "2026-11-28T10:00:00Z");
        d.put("eidRegistration", eidRegistration);
        try {
            return JSON.writeValueAsString(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a dossier event as dossier-service publishes it: from its source, signed with its event key. */
    static void sendDossierEvent(String pid, String ceType, String ceId, String data) {
        TestKafka.sendCloudEvent(
                DOSSIER_TOPIC, pid, ceType, ceId, data, DOSSIER_SOURCE, Fixtures::signAsDossierService);
    }

    static ProducerRecord<String, String> signAsDossierService(ProducerRecord<String, String> record) {
        KeyPair keys = TestKeys.eventKeyPair("DOSSIER");
        KafkaRecordSignatures.sign(new EventSigner(keys.getPrivate(), keys.getPublic()), record);
        return record;
    }

    /** Sends a completed dossier for a new citizen; returns the event id. */
    static String sendCompleted(String pid, String phone) {
        String id = UUID.randomUUID().toString();
        sendDossierEvent(pid, COMPLETED, id, completedDossier(pid, "Nguyễn Văn Ân", phone, "an@example.vn"));
        return id;
    }

    static String operatorToken() {
        return TestTokens.token("operator1", "operator");
    }

    /** Waits until the account exists and returns its JSON view. */
    static JsonNode awaitAccount(String pid) {
        String token = operatorToken();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> given().auth()
                                .oauth2(token)
                                .get("/api/v1/accounts/" + pid)
                                .statusCode()
                        == 200);
        return json(given().auth().oauth2(token).get("/api/v1/accounts/" + pid).asString());
    }

    /** Records of a topic with this key. */
    static List<ConsumerRecord<String, String>> records(String topic, String key) {
        return TestKafka.readAll(topic).stream()
                .filter(r -> key.equals(r.key()))
                .toList();
    }

    static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, String ceType, int count) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    found.clear();
                    records(topic, key).stream()
                            .filter(r -> ceType.equals(header(r, "ce_type")))
                            .forEach(found::add);
                    return found.size() >= count;
                });
        return found;
    }

    /** The plaintext of an SMS request's sealed part, opened with notification-service's (test) private key. */
    static Map<String, Object> openSms(ConsumerRecord<String, String> smsRecord) {
        String sealed = json(smsRecord.value()).get("sealed").asText();
        @SuppressWarnings("unchecked")
        Map<String, Object> secret = Sealing.open(sealed, TestKeys.smsKeyPair().getPrivate(), Map.class);
        return secret;
    }

    /** Creates an account through a completed-dossier event and returns its temporary password (from the SMS request). */
    static String createAccount(String pid) {
        return createAccount(pid, newPhone());
    }

    /** Creates an account with this phone number; returns its temporary password. */
    static String createAccount(String pid, String phone) {
        sendCompleted(pid, phone);
        ConsumerRecord<String, String> sms =
                awaitRecords(SMS_TOPIC, pid, "vn.gov.eid.sms.requested.v1", 1).get(0);
        return (String) openSms(sms).get("password");
    }

    /**
     * A level-1 account as the VNeID app's self-registration leaves it (active, own password); there is no API for
     * it in this service, so the test writes the row.
     */
    static void insertLevel1Account(
            jakarta.persistence.EntityManager em,
            vn.gov.eid.identity.service.PasswordHasher hasher,
            String pid,
            String password,
            String phone) {
        String hash = hasher.hash(password);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "insert into citizen_account (personal_id_number, level, status, password_hash, password_temporary, phone, "
                                        + "created_at, activated_at, updated_at) values (?1, 1, 'ACTIVE', ?2, false, ?3, now(), now(), now())")
                        .setParameter(1, pid)
                        .setParameter(2, hash)
                        .setParameter(3, phone)
                        .executeUpdate());
    }

    static Response login(String username, String password) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", password)
                .post("/api/v1/auth/token");
    }

    /** An ACTIVE account with the given password (temporary one replaced). */
    static void activeAccount(String pid, String phone, String password) {
        String temp = createAccount(pid, phone);
        given().auth()
                .oauth2((String) login(pid, temp).path("access_token"))
                .contentType("application/json")
                .body(Map.of("currentPassword", temp, "newPassword", password))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(204);
    }

    static Response requestRecoveryCode(String pid, String phone) {
        return given().contentType("application/json")
                .body(Map.of("personalIdNumber", pid, "phoneNumber", phone))
                .post("/api/v1/auth/recovery");
    }

    static Response confirmRecovery(String pid, String code, String newPassword) {
        return given().contentType("application/json")
                .body(Map.of("personalIdNumber", pid, "code", code, "newPassword", newPassword))
                .post("/api/v1/auth/recovery/confirm");
    }

    /** SMS requests of a purpose for the citizen, oldest first. */
    static List<ConsumerRecord<String, String>> smsRequests(String pid, String purpose) {
        return records(SMS_TOPIC, pid).stream()
                .filter(r -> purpose.equals(json(r.value()).get("purpose").asText()))
                .toList();
    }

    /** Waits for the count-th recovery code SMS request of the citizen and returns its code (opened as notification-service would). */
    static String awaitRecoveryCode(String pid, int count) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> smsRequests(pid, "RECOVERY_CODE").size() >= count);
        return (String)
                openSms(smsRequests(pid, "RECOVERY_CODE").get(count - 1)).get("code");
    }

    /** Waits for the dead-lettered copy of an event (by ce_id) on dossier.events.v1.dlq. */
    static List<ConsumerRecord<String, String>> awaitDeadLetter(String key, String ceId) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    found.clear();
                    records(DOSSIER_TOPIC + ".dlq", key).stream()
                            .filter(r -> ceId.equals(header(r, "ce_id")))
                            .forEach(found::add);
                    return !found.isEmpty();
                });
        return found;
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + s, e);
        }
    }

    /** The claims of a JWT, decoded without verification (tests verify signatures separately). */
    static JsonNode claims(String jwt) {
        return json(new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /**
     * Waits until identity-service's consumer group has committed every record currently in the topic, so a test
     * can assert what did NOT happen after a delivery.
     */
    static void awaitConsumed(String topic) {
        var ends = TestKafka.endOffsets(topic);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> TestKafka.committed("identity-service", ends));
    }
}
