package vn.gov.eid.dossier.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import vn.gov.eid.dossier.domain.Biometrics;
import vn.gov.eid.dossier.domain.SealContexts;
import vn.gov.eid.platform.crypto.DataCipher;

/**
 * A dossier's portrait and fingerprint templates at rest: sealed when stored, opened only for the biometrics summary,
 * re-wrapped at a key rotation. The fingers and quality scores are sealed with the templates.
 */
@ApplicationScoped
public class SealedBiometrics {
    private static final TypeReference<List<Biometrics.Fingerprint>> FINGERPRINTS = new TypeReference<>() {};

    @Inject
    DataCipher cipher;

    @Inject
    ObjectMapper mapper;

    /** The portrait (JPEG bytes) and the templates in clear. */
    public record Content(byte[] portrait, List<Biometrics.Fingerprint> fingerprints) {}

    /** Stores the portrait and templates sealed (the row's dossier id must be set); a clear copy goes. */
    public void seal(Biometrics b, Content content) {
        byte[] fingerprints;
        try {
            fingerprints = mapper.writeValueAsBytes(content.fingerprints());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write fingerprint templates", e);
        }
        b.portraitSealed = cipher.seal(content.portrait(), SealContexts.portrait(b.dossierId));
        b.fingerprintsSealed = cipher.seal(fingerprints, SealContexts.fingerprints(b.dossierId));
        b.clearPortrait = null;
        b.clearFingerprints = null;
    }

    /**
     * The portrait and templates in clear (from before encryption: as stored, until ClearRowSealing seals them).
     *
     * @throws vn.gov.eid.platform.crypto.DataCipherException when a stored value does not open
     */
    public Content open(Biometrics b) {
        if (b.inClear()) {
            return new Content(b.clearPortrait, b.clearFingerprints);
        }
        byte[] fingerprints = cipher.open(b.fingerprintsSealed, SealContexts.fingerprints(b.dossierId));
        try {
            return new Content(
                    cipher.open(b.portraitSealed, SealContexts.portrait(b.dossierId)),
                    mapper.readValue(fingerprints, FINGERPRINTS));
        } catch (IOException e) {
            // authentic (the tag matched) but not our JSON: a bug, not an attack; no content in the message
            throw new IllegalStateException("sealed fingerprints of dossier " + b.dossierId + " are not a list", e);
        }
    }

    /**
     * Re-wraps the values sealed under another key than the current one (the data itself stays byte for byte).
     *
     * @return whether anything changed
     */
    public boolean rewrap(Biometrics b) {
        byte[] portrait = cipher.rewrap(b.portraitSealed, SealContexts.portrait(b.dossierId));
        byte[] fingerprints = cipher.rewrap(b.fingerprintsSealed, SealContexts.fingerprints(b.dossierId));
        boolean changed = portrait != b.portraitSealed || fingerprints != b.fingerprintsSealed;
        b.portraitSealed = portrait;
        b.fingerprintsSealed = fingerprints;
        return changed;
    }
}
