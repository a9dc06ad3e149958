package vn.gov.eid.dossier.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.gov.eid.dossier.domain.Finger;
import vn.gov.eid.dossier.service.BiometricsOnFile;

/** What a biometrics capture stored, without the portrait or templates themselves. */
public record BiometricsSummary(
        UUID dossierId,
        int portraitBytes,
        int portraitWidth,
        int portraitHeight,
        List<FingerQuality> fingerprints,
        String capturedBy,
        Instant capturedAt) {

    /** A captured finger and its quality score. */
    public record FingerQuality(Finger finger, int quality) {}

    static BiometricsSummary of(BiometricsOnFile b) {
        return new BiometricsSummary(
                b.dossierId(),
                b.portraitBytes(),
                b.portraitWidth(),
                b.portraitHeight(),
                b.fingerprints().stream()
                        .map(f -> new FingerQuality(f.finger(), f.quality()))
                        .toList(),
                b.capturedBy(),
                b.capturedAt());
    }
}
