package vn.gov.eid.platform.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.cloudevents.CloudEventHeaders;
import vn.gov.eid.platform.signing.EventVerifier.Reason;

/** A signed Kafka record verifies as received, and a record moved to another key or stripped of a header does not. */
class KafkaRecordSignaturesTest {

    private static final KeyPair KEYS = ed25519();
    private static final EventVerifier VERIFIER = new EventVerifier(List.of(KEYS.getPublic()));

    private static ProducerRecord<String, String> signed(String key, String value) {
        ProducerRecord<String, String> r = new ProducerRecord<>("dossier.events.v1", key, value);
        r.headers().add(CloudEventHeaders.SPECVERSION, bytes("1.0"));
        r.headers().add(CloudEventHeaders.ID, bytes("7d1f"));
        r.headers().add(CloudEventHeaders.SOURCE, bytes("/eid/dossier-service"));
        r.headers().add(CloudEventHeaders.TYPE, bytes("vn.gov.eid.dossier.completed.v1"));
        r.headers().add(CloudEventHeaders.TIME, bytes("2026-12-03T08:00:00.5Z"));
        r.headers().add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
        KafkaRecordSignatures.sign(new EventSigner(KEYS.getPrivate(), KEYS.getPublic()), r);
        return r;
    }

    private static ConsumerRecord<String, String> received(
            ProducerRecord<String, String> sent, String key, String value, String droppedHeader) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : sent.headers()) {
            if (!h.key().equals(droppedHeader)) {
                headers.add(h.key(), h.value());
            }
        }
        return new ConsumerRecord<>(
                sent.topic(), 0, 42L, 0L, TimestampType.CREATE_TIME, -1, -1, key, value, headers, Optional.empty());
    }

    @Test
    void aSignedRecordVerifiesAsReceived() {
        ProducerRecord<String, String> sent = signed("001203012345", "{\"dossierId\":\"d-1\"}");
        assertTrue(KafkaRecordSignatures.verify(VERIFIER, received(sent, sent.key(), sent.value(), null))
                .verified());
    }

    @Test
    void theSameRecordUnderAnotherKeyIsRejected() {
        ProducerRecord<String, String> sent = signed("001203012345", "{}");
        assertEquals(
                Reason.MODIFIED,
                KafkaRecordSignatures.verify(VERIFIER, received(sent, "079203000001", sent.value(), null))
                        .reason());
    }

    @Test
    void aChangedTypeHeaderIsRejected() {
        ProducerRecord<String, String> sent = signed("001203012345", "{}");
        ConsumerRecord<String, String> r = received(sent, sent.key(), sent.value(), null);
        r.headers().add(CloudEventHeaders.TYPE, bytes("vn.gov.eid.dossier.rejected.v1"));
        assertEquals(Reason.MODIFIED, KafkaRecordSignatures.verify(VERIFIER, r).reason());
    }

    @Test
    void strippedSignatureHeadersAreRejected() {
        ProducerRecord<String, String> sent = signed("001203012345", "{}");
        assertEquals(
                Reason.UNSIGNED,
                KafkaRecordSignatures.verify(
                                VERIFIER, received(sent, sent.key(), sent.value(), KafkaRecordSignatures.DSSEMATERIAL))
                        .reason());
        assertEquals(
                Reason.BAD_SIGNED_EXTENSIONS,
                KafkaRecordSignatures.verify(
                                VERIFIER,
                                received(sent, sent.key(), sent.value(), KafkaRecordSignatures.SIGNEDEXTATTRS))
                        .reason());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
