package vn.gov.eid.platform.signing;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

/** Signs CloudEvents with one producer key: the verification material in a DSSE envelope, for {@code dssematerial}. */
public final class EventSigner {

    private final PrivateKey key;
    private final String keyId;

    public EventSigner(PrivateKey key, PublicKey publicKey) {
        // refuses an unsupported key now rather than at the first event
        this.key = EventKeys.forSignatures(key);
        this.keyId = EventKeys.keyId(publicKey);
    }

    public String keyId() {
        return keyId;
    }

    /** The {@code dssematerial} value for these fields. */
    public String sign(SignedFields fields) {
        byte[] material = VerificationMaterial.of(fields);
        try {
            Signature s = EventKeys.signature(key);
            s.initSign(key);
            s.update(Dsse.pae(Dsse.CLOUDEVENTS_PAYLOAD_TYPE, material));
            Base64.Encoder b64 = Base64.getEncoder();
            return Dsse.encode(new Dsse.Envelope(
                    b64.encodeToString(material),
                    Dsse.CLOUDEVENTS_PAYLOAD_TYPE,
                    List.of(new Dsse.Signature(keyId, b64.encodeToString(s.sign())))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an event with key " + keyId, e);
        }
    }
}
