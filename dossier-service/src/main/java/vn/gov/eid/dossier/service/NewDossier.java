package vn.gov.eid.dossier.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.gov.eid.dossier.domain.Applicant;
import vn.gov.eid.dossier.domain.DossierType;
import vn.gov.eid.dossier.domain.EidRegistration;

/** What an officer submits to open a dossier (body of POST /api/v1/dossiers). */
public record NewDossier(
        @NotNull DossierType type,
        @NotNull @Valid Applicant applicant,
        /** Present when the citizen asks for an e-ID account in the same visit. */
        @Valid EidRegistration eidRegistration) {
}
