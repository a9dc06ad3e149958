package vn.gov.eid.dossier.service;

import java.util.UUID;
import vn.gov.eid.platform.error.DomainException;

/**
 * The person already has an open dossier, so a submission is refused; its own type so that a caller can tell this
 * refusal apart (a retry that lost the race against its twin answers with the twin's dossier instead).
 */
public class OpenDossierExists extends DomainException {
    /** @param openDossierId the open dossier, or null when it was a concurrent submission not yet visible */
    public OpenDossierExists(UUID openDossierId) {
        super(
                Kind.CONFLICT,
                "open-dossier-exists",
                "This person already has an open dossier",
                "Finish or reject the open dossier before submitting a new one");
        if (openDossierId != null) {
            with("openDossierId", openDossierId);
        }
    }
}
