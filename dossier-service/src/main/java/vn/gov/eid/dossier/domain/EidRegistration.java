package vn.gov.eid.dossier.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import vn.gov.eid.platform.phone.VietnameseMobile;

/**
 * The optional e-ID registration block of a submission: where the account's SMS goes, plus dependents and documents to
 * integrate. Stored as {@link RegistrationDetails} with the phone (normalised to E.164) and the e-mail address sealed
 * apart.
 */
public record EidRegistration(
        @NotBlank @Size(max = 30) @VietnameseMobile String phoneNumber,
        @Email @Size(max = 254) String email,
        @Size(max = 20) List<@Valid @NotNull Dependent> dependents,
        @Size(max = 10) List<@Valid @NotNull IntegratedDocument> integratedDocuments) {

    /** Empty lists instead of null so stored data and events have one shape. */
    public EidRegistration {
        dependents = dependents == null ? List.of() : List.copyOf(dependents);
        integratedDocuments = integratedDocuments == null ? List.of() : List.copyOf(integratedDocuments);
    }
}
