package vn.gov.eid.dossier.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import vn.gov.eid.dossier.domain.Biometrics;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.DossierStatus;
import vn.gov.eid.dossier.domain.IntegratedDocumentType;
import vn.gov.eid.dossier.domain.RegistrationDetails;
import vn.gov.eid.platform.error.DomainException;

/** What an officer puts on file for an open dossier: biometrics, and checks of integrated documents' originals. */
@ApplicationScoped
@Transactional
public class EvidenceService {
    @Inject
    BiometricsCheck biometricsCheck;

    @Inject
    DossierQuery query;

    @Inject
    SealedBiometrics sealedBiometrics;

    /** The dossier after a capture, and what was stored. */
    public record Captured(Dossier dossier, BiometricsOnFile biometrics) {}

    /** Records that the officer compared the original of an integrated document with what was entered. */
    public Dossier verifyDocument(UUID id, IntegratedDocumentType type, String actor, Long expectedVersion) {
        Dossier d = query.find(id);
        DossierChanges.checkVersion(d, expectedVersion);
        // The citizen may bring an original late, while the approved card is being produced.
        if (!d.status.open()) {
            throw DomainException.conflict(
                            "dossier-locked",
                            "Dossier no longer editable",
                            "The documents of a dossier in " + d.status + " cannot change")
                    .with("dossierStatus", d.status);
        }
        RegistrationDetails reg = d.eidRegistration;
        if (reg == null || reg.integratedDocuments().stream().noneMatch(doc -> doc.type() == type)) {
            throw DomainException.notFound(
                    "document-not-found",
                    "No such integrated document",
                    "The dossier has no integrated document of type " + type);
        }
        d.eidRegistration = reg.withIntegratedDocuments(reg.integratedDocuments().stream()
                .map(doc -> doc.type() == type ? doc.verified() : doc)
                .toList());
        return changed(d, actor, "VERIFY_DOCUMENT", type.name());
    }

    /** Stores (or replaces) the portrait and fingerprints; they are required before APPROVE. */
    public Captured captureBiometrics(UUID id, BiometricsCapture capture, String actor, Long expectedVersion) {
        Dossier d = query.find(id);
        DossierChanges.checkVersion(d, expectedVersion);
        requireCapturable(d, "biometrics");
        BiometricsCheck.Accepted accepted = biometricsCheck.check(capture);
        Biometrics existing = Biometrics.findById(id);
        if (existing != null) {
            existing.delete();
            Biometrics.flush();
        }
        Biometrics b = new Biometrics();
        b.dossierId = id;
        b.portraitWidth = accepted.width();
        b.portraitHeight = accepted.height();
        b.capturedBy = actor;
        b.capturedAt = Instant.now();
        sealedBiometrics.seal(b, accepted.content());
        b.persist();
        d.biometricsCaptured = true;
        return new Captured(changed(d, actor, "CAPTURE_BIOMETRICS", null), BiometricsOnFile.of(b, accepted.content()));
    }

    /** Officers capture data while the dossier is with them, not once a supervisor has decided. */
    private static void requireCapturable(Dossier d, String what) {
        // Biometrics must be on file before the supervisor approves, and cannot change after.
        if (d.status != DossierStatus.SUBMITTED
                && d.status != DossierStatus.IN_REVIEW
                && d.status != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw DomainException.conflict(
                            "dossier-locked",
                            "Dossier no longer editable",
                            "The " + what + " of a dossier in " + d.status + " cannot change")
                    .with("dossierStatus", d.status);
        }
    }

    /** Saves a change that keeps the state, with its history line. */
    private static Dossier changed(Dossier d, String actor, String action, String note) {
        Instant now = Instant.now();
        d.updatedAt = now;
        DossierChanges.flush();
        DossierChanges.history(d, actor, now, action, d.status, note);
        Log.infof("dossier %s: %s by %s", d.id, action, actor);
        return d;
    }
}
