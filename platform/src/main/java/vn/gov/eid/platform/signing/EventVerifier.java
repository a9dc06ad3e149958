package vn.gov.eid.platform.signing;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the {@code dssematerial} of a CloudEvent against the producer keys a consumer trusts (several while a
 * key is rotated), following the verifiability extension's protocol; any doubt is a rejection with a reason.
 */
public final class EventVerifier {

    /** Why a record was not verified. */
    public enum Reason {
        UNKNOWN_SOURCE,
        TYPE_NOT_FROM_SOURCE,
        UNSIGNED,
        CORRUPT_MATERIAL,
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        BAD_SIGNED_EXTENSIONS,
        MODIFIED
    }

    /** The outcome: verified by {@code keyId}, or rejected for {@code reason}. */
    public record Verdict(boolean verified, String keyId, Reason reason) {
        public static Verdict rejected(Reason reason) {
            return new Verdict(false, null, reason);
        }
    }

    /** Context attributes that the extension forbids in {@code signedextattrs}. */
    private static final Set<String> CORE = Set.of(
            "id",
            "source",
            "specversion",
            "type",
            "datacontenttype",
            "dataschema",
            "subject",
            "time",
            "dssematerial",
            "signedextattrs");

    private final Map<String, PublicKey> keys = new LinkedHashMap<>();

    public EventVerifier(Collection<PublicKey> trusted) {
        for (PublicKey k : trusted) {
            keys.put(EventKeys.keyId(k), EventKeys.forSignatures(k));
        }
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /**
     * Parses {@code signedextattrs} by the extension's rules (no repetitions, no core attributes).
     *
     * @throws IllegalArgumentException when the list breaks a rule
     */
    public static List<String> signedExtensions(String signedextattrs) {
        if (signedextattrs == null || signedextattrs.isEmpty()) {
            return List.of();
        }
        List<String> names = List.of(signedextattrs.split(",", -1));
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (name.isEmpty() || CORE.contains(name) || !seen.add(name)) {
                throw new IllegalArgumentException("signedextattrs breaks the extension's rules");
            }
        }
        return names;
    }

    /** Verifies the material against the fields rebuilt from the received event. */
    public Verdict verify(String dssematerial, SignedFields received) {
        if (dssematerial == null || dssematerial.isEmpty()) {
            return Verdict.rejected(Reason.UNSIGNED);
        }
        Dsse.Envelope envelope;
        byte[] signedMaterial;
        try {
            envelope = Dsse.decode(dssematerial);
            signedMaterial = Base64.getDecoder().decode(envelope.payload());
        } catch (IllegalArgumentException e) {
            return Verdict.rejected(Reason.CORRUPT_MATERIAL);
        }
        String verifiedBy = null;
        boolean knownKey = false;
        for (Dsse.Signature sig : envelope.signatures()) {
            PublicKey key = sig == null || sig.keyid() == null ? null : keys.get(sig.keyid());
            if (key == null) {
                continue;
            }
            knownKey = true;
            if (signatureValid(key, envelope, sig.sig())) {
                verifiedBy = sig.keyid();
                break;
            }
        }
        if (!knownKey) {
            return Verdict.rejected(Reason.UNKNOWN_KEY);
        }
        if (verifiedBy == null) {
            return Verdict.rejected(Reason.BAD_SIGNATURE);
        }
        if (!Dsse.CLOUDEVENTS_PAYLOAD_TYPE.equals(envelope.payloadType()) || signedMaterial.length != 32) {
            return Verdict.rejected(Reason.CORRUPT_MATERIAL);
        }
        byte[] expected;
        try {
            expected = VerificationMaterial.of(received);
        } catch (IllegalArgumentException e) {
            return Verdict.rejected(Reason.MODIFIED);
        }
        if (!MessageDigest.isEqual(expected, signedMaterial)) {
            return Verdict.rejected(Reason.MODIFIED);
        }
        return new Verdict(true, verifiedBy, null);
    }

    private static boolean signatureValid(PublicKey key, Dsse.Envelope envelope, String sig) {
        try {
            Signature s = EventKeys.signature(key);
            s.initVerify(key);
            s.update(Dsse.pae(envelope.payloadType(), Base64.getDecoder().decode(envelope.payload())));
            return sig != null && s.verify(Base64.getDecoder().decode(sig));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
