package vn.gov.eid.platform.signing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The DSSE v1.0.2 envelope (secure-systems-lab/dsse): the pre-authentication encoding that is signed, and the JSON
 * envelope carried Base64-encoded in the {@code dssematerial} attribute.
 */
public final class Dsse {

    /** The payload type of CloudEvents verification material. */
    public static final String CLOUDEVENTS_PAYLOAD_TYPE = "https://cloudevents.io/verifiability/dsse/v0.1";

    /** Upper bound on an encoded envelope we parse at all (a few signatures fit in far less). */
    static final int MAX_MATERIAL_CHARS = 8192;

    /** More signatures than a rotation needs only cost verification time. */
    static final int MAX_SIGNATURES = 4;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** One signature of an envelope. */
    public record Signature(String keyid, String sig) {}

    /** A DSSE JSON envelope; payload and sig are standard Base64. */
    public record Envelope(String payload, String payloadType, List<Signature> signatures) {}

    private Dsse() {}

    /** PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths as ASCII decimal byte counts. */
    public static byte[] pae(String payloadType, byte[] body) {
        byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("DSSEv1 " + type.length + " " + payloadType + " " + body.length + " ")
                .getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** The envelope as JSON, then Base64: the value of {@code dssematerial}. */
    public static String encode(Envelope envelope) {
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(envelope));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a DSSE envelope", e);
        }
    }

    /**
     * @throws IllegalArgumentException when the material is not Base64 of a DSSE JSON envelope
     */
    public static Envelope decode(String material) {
        if (material.length() > MAX_MATERIAL_CHARS) {
            throw new IllegalArgumentException("verification material is too long");
        }
        try {
            Envelope e = JSON.readValue(Base64.getDecoder().decode(material.trim()), Envelope.class);
            if (e == null
                    || e.payload() == null
                    || e.payloadType() == null
                    || e.signatures() == null
                    || e.signatures().size() > MAX_SIGNATURES) {
                throw new IllegalArgumentException("not a DSSE envelope");
            }
            return e;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("verification material is not a Base64 DSSE JSON envelope");
        }
    }
}
