package vn.gov.eid.dossier.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.gov.eid.dossier.domain.Biometrics;
import vn.gov.eid.dossier.domain.Finger;

/** What a biometrics capture put on file, without the portrait or the templates themselves. */
public record BiometricsOnFile(
        UUID dossierId,
        int portraitBytes,
        int portraitWidth,
        int portraitHeight,
        List<FingerQuality> fingerprints,
        String capturedBy,
        Instant capturedAt) {

    /** A captured finger and its quality score. */
    public record FingerQuality(Finger finger, int quality) {}

    static BiometricsOnFile of(Biometrics b, SealedBiometrics.Content content) {
        return new BiometricsOnFile(
                b.dossierId,
                content.portrait().length,
                b.portraitWidth,
                b.portraitHeight,
                content.fingerprints().stream()
                        .map(f -> new FingerQuality(f.finger(), f.quality()))
                        .toList(),
                b.capturedBy,
                b.capturedAt);
    }
}
