package vn.gov.eid.platform.signing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import vn.gov.eid.platform.cloudevents.CloudEventHeaders;

/**
 * Signatures on binary-mode CloudEvents Kafka records: what is signed comes from the ce_* headers, the value and the
 * record key (as the {@code partitionkey} extension, so moving a record to another citizen's key breaks it).
 */
public final class KafkaRecordSignatures {

    /** Header of the DSSE verification material. */
    public static final String DSSEMATERIAL = "ce_dssematerial";
    /** Header listing the signed extension attributes. */
    public static final String SIGNEDEXTATTRS = "ce_signedextattrs";
    /** The extension that carries the Kafka record key in the signature. */
    public static final String PARTITIONKEY = "partitionkey";

    private KafkaRecordSignatures() {}

    /** Adds the signature headers to a record whose ce_* headers, key and value are final. */
    public static void sign(EventSigner signer, ProducerRecord<String, String> record) {
        Headers h = record.headers();
        h.remove(DSSEMATERIAL);
        h.remove(SIGNEDEXTATTRS);
        h.add(SIGNEDEXTATTRS, PARTITIONKEY.getBytes(StandardCharsets.UTF_8));
        String material = signer.sign(fields(h, record.key(), record.value()));
        h.add(DSSEMATERIAL, material.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Verifies a received record; it must sign the record key too (a record whose signature leaves the key out
     * could be replayed under another citizen's key).
     */
    public static EventVerifier.Verdict verify(EventVerifier verifier, ConsumerRecord<String, String> record) {
        Headers h = record.headers();
        String material = text(h, DSSEMATERIAL);
        if (material == null || material.isEmpty()) {
            return EventVerifier.Verdict.rejected(EventVerifier.Reason.UNSIGNED);
        }
        String signedExtensions = text(h, SIGNEDEXTATTRS);
        try {
            if (!EventVerifier.signedExtensions(signedExtensions).equals(java.util.List.of(PARTITIONKEY))) {
                return EventVerifier.Verdict.rejected(EventVerifier.Reason.BAD_SIGNED_EXTENSIONS);
            }
        } catch (IllegalArgumentException e) {
            return EventVerifier.Verdict.rejected(EventVerifier.Reason.BAD_SIGNED_EXTENSIONS);
        }
        return verifier.verify(material, fields(h, record.key(), record.value()));
    }

    private static SignedFields fields(Headers h, String key, String value) {
        Map<String, String> extensions = new LinkedHashMap<>();
        extensions.put(PARTITIONKEY, key);
        return new SignedFields(
                text(h, CloudEventHeaders.ID),
                text(h, CloudEventHeaders.SOURCE),
                text(h, CloudEventHeaders.SPECVERSION),
                text(h, CloudEventHeaders.TYPE),
                text(h, CloudEventHeaders.CONTENT_TYPE),
                text(h, "ce_dataschema"),
                text(h, "ce_subject"),
                text(h, CloudEventHeaders.TIME),
                value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8),
                extensions);
    }

    private static String text(Headers h, String name) {
        return CloudEventHeaders.text(h, name);
    }
}
