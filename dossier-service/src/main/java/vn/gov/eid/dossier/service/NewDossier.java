package vn.gov.eid.dossier.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import vn.gov.eid.dossier.domain.Applicant;
import vn.gov.eid.dossier.domain.DossierType;
import vn.gov.eid.dossier.domain.EidRegistration;
import vn.gov.eid.dossier.domain.ExchangeReason;

/** The command to open a dossier: what an officer submits (also the body of POST /api/v1/dossiers). */
@DossierTypeRules
public record NewDossier(
        @NotNull DossierType type,
        @NotNull @Valid Applicant applicant,
        /** EXCHANGE only, required there. */
        ExchangeReason exchangeReason,
        /** EXCHANGE only, required there: the number of the card being replaced (12-digit CCCD or 9-digit CMND). */
        @Pattern(regexp = "\\d{9}|\\d{12}", message = "must be a 9- or 12-digit card number")
        String currentCardNumber,
        /** REISSUE only, when known: the number of the lost card. */
        @Pattern(regexp = "\\d{9}|\\d{12}", message = "must be a 9- or 12-digit card number")
        String lostCardNumber,
        /** Present when the citizen asks for an e-ID account in the same visit. */
        @Valid EidRegistration eidRegistration) {}
