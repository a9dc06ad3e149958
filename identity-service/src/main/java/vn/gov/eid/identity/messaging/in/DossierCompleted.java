package vn.gov.eid.identity.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import vn.gov.eid.identity.service.DossierRegistration;

/** identity-service's reading of vn.gov.eid.dossier.completed.v1 (only the fields it uses). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DossierCompleted(
        String dossierId,
        String dossierType,
        String personalIdNumber,
        String fullName,
        String completedAt,
        EidRegistration eidRegistration) {

    /** The e-ID registration part of the dossier; absent when the citizen did not ask for an e-ID. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EidRegistration(
            String phoneMasked, String sealedContact, List<Object> dependents, List<Object> integratedDocuments) {}

    /** What account provisioning needs of a dossier with an e-ID registration. */
    DossierRegistration registration() {
        return new DossierRegistration(
                dossierId,
                personalIdNumber,
                fullName,
                eidRegistration.sealedContact(),
                eidRegistration.integratedDocuments());
    }
}
