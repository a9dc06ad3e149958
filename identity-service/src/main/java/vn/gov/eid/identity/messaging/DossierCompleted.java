package vn.gov.eid.identity.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** identity-service's reading of vn.gov.eid.dossier.completed.v1 (only the fields it uses). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DossierCompleted(String dossierId, String dossierType, String personalIdNumber, String fullName,
        String completedAt, EidRegistration eidRegistration) {

    /** The e-ID registration part of the dossier; absent when the citizen did not ask for an e-ID. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EidRegistration(String phoneMasked, String sealedContact, List<Object> dependents,
            List<Object> integratedDocuments) {
    }

    /** Plaintext of sealedContact. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String phoneNumber, String email) {
    }
}
