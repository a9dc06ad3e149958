package vn.gov.eid.dossier.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The e-ID registration as the dossier row keeps it (jsonb): dependents and integrated documents. The phone number and
 * e-mail address are sealed in columns of their own; only rows written before encryption still carry them here
 * ({@code clearPhoneNumber}, {@code clearEmail}) until ClearRowSealing seals them. Nothing but DossierContacts reads
 * those two.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistrationDetails(
        List<Dependent> dependents,
        List<IntegratedDocument> integratedDocuments,
        @JsonProperty("phoneNumber") String clearPhoneNumber,
        @JsonProperty("email") String clearEmail) {

    /** Empty lists instead of null so stored data and events have one shape. */
    public RegistrationDetails {
        dependents = dependents == null ? List.of() : List.copyOf(dependents);
        integratedDocuments = integratedDocuments == null ? List.of() : List.copyOf(integratedDocuments);
    }

    /** A registration without contact data in clear, as every row is written since encryption. */
    public static RegistrationDetails of(List<Dependent> dependents, List<IntegratedDocument> integratedDocuments) {
        return new RegistrationDetails(dependents, integratedDocuments, null, null);
    }

    /** The same registration with other integrated documents (a clear contact of an old row stays as it is). */
    public RegistrationDetails withIntegratedDocuments(List<IntegratedDocument> documents) {
        return new RegistrationDetails(dependents, documents, clearPhoneNumber, clearEmail);
    }

    /** The same registration without its contact data in clear. */
    public RegistrationDetails withoutClearContact() {
        return of(dependents, integratedDocuments);
    }

    /** Whether the row was written before encryption and still holds the contact data in clear. */
    @JsonIgnore
    public boolean contactInClear() {
        return clearPhoneNumber != null || clearEmail != null;
    }
}
