package vn.gov.eid.dossier.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.gov.eid.dossier.domain.Applicant;
import vn.gov.eid.dossier.domain.Contact;
import vn.gov.eid.dossier.domain.Dependent;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.DossierStatus;
import vn.gov.eid.dossier.domain.DossierType;
import vn.gov.eid.dossier.domain.ExchangeReason;
import vn.gov.eid.dossier.domain.IntegratedDocument;
import vn.gov.eid.dossier.domain.RegistrationDetails;
import vn.gov.eid.platform.privacy.Masking;

/**
 * A dossier as the API shows it. The phone is always masked; partners get a reduced view without the
 * applicant's details beyond identity and without the e-ID contacts. After the retention purge the registration has
 * no contact data and {@code biometricsAndContactPurgedAt} says when they went.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DossierView(
        UUID id,
        DossierType type,
        DossierStatus status,
        long version,
        ExchangeReason exchangeReason,
        String currentCardNumber,
        String lostCardNumber,
        Applicant applicant,
        Boolean eidRegistered,
        Registration eidRegistration,
        Boolean biometricsCaptured,
        Instant biometricsAndContactPurgedAt,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    /** The e-ID registration block with the phone masked (both contact fields absent once purged). */
    public record Registration(
            String phoneMasked,
            String email,
            List<Dependent> dependents,
            List<IntegratedDocument> integratedDocuments) {
        static Registration of(RegistrationDetails r, Optional<Contact> contact) {
            return new Registration(
                    contact.map(c -> Masking.phone(c.phoneNumber())).orElse(null),
                    contact.map(Contact::email).orElse(null),
                    r.dependents(),
                    r.integratedDocuments());
        }
    }

    /**
     * Full view for officers and supervisors; {@code contact} is the dossier's contact data in clear (empty without an
     * e-ID registration or once purged).
     */
    public static DossierView staff(Dossier d, Optional<Contact> contact) {
        return new DossierView(
                d.id,
                d.type,
                d.status,
                d.version,
                d.exchangeReason,
                d.currentCardNumber,
                d.lostCardNumber,
                d.applicant,
                d.eidRegistration != null,
                d.eidRegistration == null ? null : Registration.of(d.eidRegistration, contact),
                d.biometricsCaptured,
                d.biometricsAndContactPurgedAt,
                d.createdBy,
                d.createdAt,
                d.updatedAt);
    }

    /** Reduced view for partner systems: identity and status only. */
    public static DossierView partner(Dossier d) {
        Applicant a = d.applicant;
        Applicant core = new Applicant(
                a.personalIdNumber(),
                a.fullName(),
                null,
                a.dateOfBirth(),
                a.sex(),
                null,
                null,
                null,
                null,
                a.nationality(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        return new DossierView(
                d.id,
                d.type,
                d.status,
                d.version,
                null,
                null,
                null,
                core,
                d.eidRegistration != null,
                null,
                null,
                null,
                null,
                d.createdAt,
                d.updatedAt);
    }
}
