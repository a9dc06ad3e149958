package vn.gov.eid.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.crypto.Sealing;
import vn.gov.eid.platform.inbox.Inbox;
import vn.gov.eid.platform.outbox.Outbox;
import vn.gov.eid.platform.outbox.OutboxPurge;
import vn.gov.eid.platform.signing.EventKeys;
import vn.gov.eid.platform.signing.EventSigner;
import vn.gov.eid.platform.signing.EventVerifier;
import vn.gov.eid.platform.signing.KafkaRecordSignatures;
import vn.gov.eid.platform.signing.UntrustedRecordException;
import vn.gov.eid.testsupport.InfraTestResource;
import vn.gov.eid.testsupport.TestKafka;
import vn.gov.eid.testsupport.TestKeys;

/** The shared infrastructure on a real PostgreSQL and a real Kafka broker. */
@QuarkusTest
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform"),
        restrictToAnnotatedClass = true)
class PlatformTest {

    static final String TOPIC = "platform.test.v1";

    @Inject
    Outbox outbox;

    @Inject
    Inbox inbox;

    @Inject
    OutboxPurge purge;

    @Inject
    vn.gov.eid.platform.inbox.InboxPurge inboxPurge;

    @Inject
    EntityManager em;

    @Test
    void committedEventIsPublishedAsBinaryCloudEventWithItsKey() {
        String key = "001203000001";
        UUID id = QuarkusTransaction.requiringNew()
                .call(() -> outbox.add(TOPIC, key, "vn.gov.eid.test.happened.v1", Map.of("n", 1)));
        ConsumerRecord<String, String> r =
                await().atMost(Duration.ofSeconds(20)).until(() -> find(id), java.util.Objects::nonNull);
        assertEquals(key, r.key());
        assertEquals("{\"n\":1}", r.value());
        assertEquals("1.0", header(r, "ce_specversion"));
        assertEquals("vn.gov.eid.test.happened.v1", header(r, "ce_type"));
        assertEquals("/eid/platform-test", header(r, "ce_source"));
        assertEquals("application/json", header(r, "content-type"));
        assertTrue(header(r, "ce_time").matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), header(r, "ce_time"));
        // signed with the service's event key, the record key included
        EventVerifier verifier =
                new EventVerifier(List.of(TestKeys.eventKeyPair("DOSSIER").getPublic()));
        assertTrue(KafkaRecordSignatures.verify(verifier, r).verified());
        ConsumerRecord<String, String> movedToAnotherCitizen = new ConsumerRecord<>(
                r.topic(),
                r.partition(),
                r.offset(),
                r.timestamp(),
                r.timestampType(),
                -1,
                -1,
                "001203000002",
                r.value(),
                r.headers(),
                java.util.Optional.empty());
        assertEquals(
                EventVerifier.Reason.MODIFIED,
                KafkaRecordSignatures.verify(verifier, movedToAnotherCitizen).reason());
        await().atMost(Duration.ofSeconds(5)).until(() -> OutboxRows.published(em, id));
    }

    @Test
    void rolledBackTransactionLeavesNoOutboxRowAndPublishesNothing() throws Exception {
        UUID[] id = new UUID[1];
        QuarkusTransaction.begin();
        id[0] = outbox.add(TOPIC, "001203000002", "vn.gov.eid.test.happened.v1", Map.of("n", 2));
        QuarkusTransaction.rollback();
        assertEquals(0, OutboxRows.withId(em, id[0]));
        // a later committed event is published, the rolled-back one never
        UUID later = QuarkusTransaction.requiringNew()
                .call(() -> outbox.add(TOPIC, "001203000002", "vn.gov.eid.test.happened.v1", Map.of("n", 3)));
        await().atMost(Duration.ofSeconds(20)).until(() -> find(later) != null);
        assertEquals(null, find(id[0]));
    }

    @Test
    void eventsOfOneCitizenArriveInTheOrderTheyWereWritten() {
        String key = "001203000003";
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            int n = i;
            ids.add(QuarkusTransaction.requiringNew()
                    .call(() -> outbox.add(TOPIC, key, "vn.gov.eid.test.happened.v1", Map.of("n", n))));
        }
        List<String> seen = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestKafka.readAll(TOPIC).stream()
                                .filter(r -> key.equals(r.key()))
                                .map(r -> header(r, "ce_id"))
                                .toList(),
                        l -> l.size() >= 30);
        assertEquals(ids.stream().map(UUID::toString).toList(), seen);
    }

    @Test
    void purgeDeletesOnlyPublishedRowsOlderThanTheRetention() {
        UUID old = UUID.randomUUID();
        UUID recent = UUID.randomUUID();
        UUID pending = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            // rows written directly: the relay must not publish these test rows meanwhile, so two are marked published
            String insert = "insert into outbox_event (id, topic, event_key, event_type, payload, published_at) "
                    + "values (?1, 'platform.purge.v1', 'k', 't.v1', cast('{}' as json), %s)";
            em.createNativeQuery(insert.formatted("now() - interval '8 days'"))
                    .setParameter(1, old)
                    .executeUpdate();
            em.createNativeQuery(insert.formatted("now() - interval '1 day'"))
                    .setParameter(1, recent)
                    .executeUpdate();
        });
        QuarkusTransaction.requiringNew()
                .run(() ->
                        outbox.add("platform.test.v1", "001203000011", "vn.gov.eid.test.happened.v1", Map.of("n", 11)));
        purge.purgePublished();
        assertEquals(0, OutboxRows.withId(em, old));
        assertEquals(1, OutboxRows.withId(em, recent));
        // the default retention is 7 days: an unpublished row is never purged, whatever its age
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "insert into outbox_event (id, topic, event_key, event_type, payload, created_at, published_at) "
                                        + "values (?1, 'platform.purge.v1', 'k', 't.v1', cast('{}' as json), now() - interval '30 days', null)")
                        .setParameter(1, pending)
                        .executeUpdate());
        purge.purgePublished();
        // still there: unpublished, or published by the relay just now (then recent)
        assertEquals(1, OutboxRows.withId(em, pending), "an old unpublished row is never purged");
    }

    @Test
    void outboxRefusesToWriteOutsideATransaction() {
        assertThrows(TransactionalException.class, () -> outbox.add(TOPIC, "001203000004", "t.v1", Map.of()));
    }

    @Test
    void inboxSeesEachEventOncePerConsumer() {
        String eventId = UUID.randomUUID().toString();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("consumer-a", eventId)));
        assertFalse(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("consumer-a", eventId)));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("consumer-b", eventId)));
    }

    @Test
    void inboxAcceptsANewEventOfAHandledTypeOnce() {
        String id = UUID.randomUUID().toString();
        var record = signedRecord(id, "vn.gov.eid.test.wanted.v1", TestKeys.eventKeyPair("DOSSIER"));
        var first = QuarkusTransaction.requiringNew()
                .call(() -> inbox.accept("consumer-c", record, java.util.Set.of("vn.gov.eid.test.wanted.v1")));
        assertEquals(id, first.orElseThrow().id());
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> inbox.accept("consumer-c", record, java.util.Set.of("vn.gov.eid.test.wanted.v1")))
                .isEmpty());
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> inbox.accept("consumer-d", record, java.util.Set.of("other.v1")))
                .isEmpty());
        var notACloudEvent = new ConsumerRecord<String, String>("t", 0, 1, "k", "{}");
        assertThrows(
                IllegalArgumentException.class,
                () -> QuarkusTransaction.requiringNew()
                        .call(() -> inbox.accept(
                                "consumer-c", notACloudEvent, java.util.Set.of("vn.gov.eid.test.wanted.v1"))));
    }

    @Test
    void inboxRefusesARecordWithoutAValidSignatureBeforeClaimingItsId() {
        String id = UUID.randomUUID().toString();
        var unsigned = new ConsumerRecord<String, String>("t", 0, 0, "001203000005", "{}");
        unsigned.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        unsigned.headers().add("ce_source", "/eid/platform-test".getBytes(StandardCharsets.UTF_8));
        unsigned.headers().add("ce_type", "vn.gov.eid.test.wanted.v1".getBytes(StandardCharsets.UTF_8));
        var forged = signedRecord(id, "vn.gov.eid.test.wanted.v1", TestKeys.eventKeyPair("IDENTITY"));
        var otherType = signedRecord(id, "vn.gov.eid.test.unlisted.v1", TestKeys.eventKeyPair("DOSSIER"));
        Map<ConsumerRecord<String, String>, EventVerifier.Reason> cases = Map.of(
                unsigned, EventVerifier.Reason.UNSIGNED,
                forged, EventVerifier.Reason.UNKNOWN_KEY,
                otherType, EventVerifier.Reason.TYPE_NOT_FROM_SOURCE);
        cases.forEach((record, reason) -> {
            // in one transaction: the refusal comes before the inbox row, so the id is not taken even before rollback
            QuarkusTransaction.begin();
            try {
                // the transaction holds its connection before the refusal marks it rollback-only
                assertEquals(0L, inboxRows(id));
                UntrustedRecordException e = assertThrows(
                        UntrustedRecordException.class,
                        () -> inbox.accept(
                                "consumer-e",
                                record,
                                java.util.Set.of("vn.gov.eid.test.wanted.v1", "vn.gov.eid.test.unlisted.v1")));
                assertEquals(reason, e.reason());
                assertEquals(0L, inboxRows(id));
            } finally {
                QuarkusTransaction.rollback();
            }
        });
        // a record signed with the retired key verifies while that key is still configured
        var signedWithRetiredKey = signedRecord(
                UUID.randomUUID().toString(), "vn.gov.eid.test.wanted.v1", TestKeys.eventKeyPair("NOTIFICATION"));
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() ->
                        inbox.accept("consumer-e", signedWithRetiredKey, java.util.Set.of("vn.gov.eid.test.wanted.v1")))
                .isPresent());
        // none of them took the event id: the genuine record is still new to the consumer
        var genuine = signedRecord(id, "vn.gov.eid.test.wanted.v1", TestKeys.eventKeyPair("DOSSIER"));
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> inbox.accept("consumer-e", genuine, java.util.Set.of("vn.gov.eid.test.wanted.v1")))
                .isPresent());
    }

    private long inboxRows(String eventId) {
        return ((Number) em.createNativeQuery("select count(*) from inbox_message where event_id = ?1")
                        .setParameter(1, eventId)
                        .getSingleResult())
                .longValue();
    }

    @Test
    void theServicePublishesItsEventKeyAsAJwks() {
        String kid = EventKeys.keyId(TestKeys.eventKeyPair("DOSSIER").getPublic());
        given().get("/.well-known/event-keys.json")
                .then()
                .statusCode(200)
                .body("keys", hasSize(1))
                .body("keys[0].kid", equalTo(kid))
                .body("keys[0].kty", equalTo("OKP"))
                .body("keys[0].crv", equalTo("Ed25519"))
                .body("keys[0].d", equalTo(null));
        // a partner turns the JWK back into the key that verifies records
        Map<String, Object> jwk =
                given().get("/.well-known/event-keys.json").jsonPath().getMap("keys[0]");
        assertEquals(
                kid,
                EventKeys.keyId(rethrow(() -> org.jose4j.jwk.PublicJsonWebKey.Factory.newPublicJwk(jwk)
                        .getPublicKey())));
    }

    private static <T> T rethrow(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record as the platform test app would publish it, signed with {@code keys}. */
    private static ConsumerRecord<String, String> signedRecord(String id, String type, KeyPair keys) {
        var sent = new ProducerRecord<String, String>("t", "001203000005", "{}");
        sent.headers().add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        sent.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8));
        sent.headers().add("ce_source", "/eid/platform-test".getBytes(StandardCharsets.UTF_8));
        sent.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        KafkaRecordSignatures.sign(new EventSigner(keys.getPrivate(), keys.getPublic()), sent);
        var received = new ConsumerRecord<String, String>("t", 0, 0, sent.key(), sent.value());
        sent.headers().forEach(h -> received.headers().add(h));
        return received;
    }

    @Test
    void inboxForgetsAnEventWhoseHandlingRolledBack() {
        String eventId = UUID.randomUUID().toString();
        QuarkusTransaction.begin();
        assertTrue(inbox.firstDelivery("consumer-a", eventId));
        QuarkusTransaction.rollback();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery("consumer-a", eventId)));
    }

    @Test
    void validationErrorsAreProblemJsonWithFieldViolations() {
        given().contentType("application/json")
                .body("{\"name\":\"\",\"personalIdNumber\":\"12ab\"}")
                .post("/probe/validate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:validation"))
                .body("violations", hasSize(2))
                .body("violations.find { it.field == 'personalIdNumber' }.message", equalTo("must be 12 digits"))
                .body("violations.find { it.field == 'name' }.message", not(equalTo(null)));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType("application/json")
                .body("{\"name\":")
                .post("/probe/validate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownEnumValueIsAFieldViolation() {
        given().contentType("application/json")
                .body("{\"kind\":\"RENEW\",\"name\":\"x\"}")
                .post("/probe/validate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:validation"))
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", equalTo("must be one of ISSUE, EXCHANGE"));
    }

    @Test
    void wrongJsonShapeIsAMalformedBodyProblem() {
        given().contentType("application/json")
                .body("{\"name\":[1,2]}")
                .post("/probe/validate")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:malformed-body"))
                .body("detail", containsString("name"));
    }

    @Test
    void businessProblemsKeepTheirStatusTypeAndExtensions() {
        given().post("/probe/conflict")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:dossier-open"))
                .body("openDossierId", equalTo("d-1"))
                .body("instance", equalTo("/probe/conflict"));
    }

    @Test
    void unexpectedErrorsHideTheirInternals() {
        given().post("/probe/boom")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body(not(containsString("secret internals")))
                .body("type", equalTo("urn:vn-eid:problem:internal"));
    }

    @Test
    void missingOrBadTokensAre401ProblemsAndWrongRolesAre403Problems() {
        for (String bad : new String[] {
            null,
            vn.gov.eid.testsupport.TestTokens.expired("op", "operator"),
            vn.gov.eid.testsupport.TestTokens.wrongIssuer("op", "operator"),
            vn.gov.eid.testsupport.TestTokens.otherKey("op", "operator"),
            vn.gov.eid.testsupport.TestTokens.unsigned("op", "operator"),
            vn.gov.eid.testsupport.TestTokens.tampered("op", "citizen")
        }) {
            var request = given();
            if (bad != null) {
                request = request.auth().oauth2(bad);
            }
            request.get("/probe/secured")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", containsString("Bearer"))
                    .body("type", equalTo("urn:vn-eid:problem:unauthorized"));
        }
        given().auth()
                .oauth2(vn.gov.eid.testsupport.TestTokens.token("c", "citizen"))
                .get("/probe/secured")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:forbidden"));
        given().auth()
                .oauth2(vn.gov.eid.testsupport.TestTokens.token("op", "operator"))
                .get("/probe/secured")
                .then()
                .statusCode(200)
                .body(equalTo("secret"));
    }

    @Test
    void unknownPathIsA404Problem() {
        // the path is what the caller got wrong: it is not echoed as the instance
        given().get("/nothing-here/<script>")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:not-found"))
                .body("instance", equalTo(null))
                .body(not(containsString("script")));
    }

    @Test
    void sealedValuesOpenOnlyWithTheRecipientKey() {
        record Secret(String phoneNumber, String password) {}
        String jwe = Sealing.seal(
                new Secret("+84912345678", "Ab3#xyzKLmn9"),
                TestKeys.smsKeyPair().getPublic());
        assertFalse(jwe.contains("912345678"));
        assertEquals(5, jwe.split("\\.", -1).length, "compact JWE");
        Secret back = Sealing.open(jwe, TestKeys.smsKeyPair().getPrivate(), Secret.class);
        assertEquals("Ab3#xyzKLmn9", back.password());
        assertThrows(
                IllegalArgumentException.class,
                () -> Sealing.open(jwe, TestKeys.contactKeyPair().getPrivate(), Secret.class));
        Map<String, String> files = TestKeys.locations();
        assertEquals(TestKeys.smsKeyPair().getPublic(), Sealing.publicKey(files.get("SMS_JWE_PUBLIC_KEY_LOCATION")));
        assertEquals(TestKeys.smsKeyPair().getPrivate(), Sealing.privateKey(files.get("SMS_JWE_PRIVATE_KEY_LOCATION")));
    }

    private static ConsumerRecord<String, String> find(UUID id) {
        return TestKafka.readAll(TOPIC).stream()
                .filter(r -> id.toString().equals(header(r, "ce_id")))
                .findFirst()
                .orElse(null);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void inboxRowsOlderThanTheRetentionAreForgottenYoungerOnesKept() {
        String consumer = "purge-test-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            inbox.firstDelivery(consumer, "old");
            inbox.firstDelivery(consumer, "recent");
            em.createNativeQuery("update inbox_message set received_at = now() - interval '31 days'"
                            + " where consumer = ?1 and event_id = 'old'")
                    .setParameter(1, consumer)
                    .executeUpdate();
        });
        assertTrue(inboxPurge.purgeExpired() >= 1);
        List<?> left = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select event_id from inbox_message where consumer = ?1")
                        .setParameter(1, consumer)
                        .getResultList());
        assertEquals(List.of("recent"), left);
    }

    /**
     * The dead-letter endpoint is a build-time choice of the services with a consumer (eid.dead-letters.endpoint):
     * an application that does not choose it, like this one and dossier-service, has neither the route nor the
     * OpenAPI entry (a route present would answer 401 here, not 404).
     */
    @Test
    void withoutTheBuildPropertyThereIsNoDeadLetterEndpoint() {
        given().get("/api/v1/dead-letters").then().statusCode(404);
        given().contentType("application/json")
                .body("{\"reason\":\"x\"}")
                .post("/api/v1/dead-letters/0/0/redrive")
                .then()
                .statusCode(404);
        given().get("/q/openapi").then().statusCode(200).body(not(containsString("dead-letters")));
    }
}
