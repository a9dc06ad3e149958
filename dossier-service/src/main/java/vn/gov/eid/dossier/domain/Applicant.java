package vn.gov.eid.dossier.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.gov.eid.dossier.domain.validation.ConsistentApplicant;
import vn.gov.eid.dossier.domain.validation.PersonalIdNumbers;

/**
 * The citizen's data collected on the card dossier (Law on Citizen Identification 2014, art. 9 and 15).
 * Used as the request part and stored as a whole in the dossier row.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ConsistentApplicant
public record Applicant(
        @NotNull @Pattern(regexp = PersonalIdNumbers.FORMAT, message = PersonalIdNumbers.FORMAT_MESSAGE)
        String personalIdNumber,
        /** Full name at birth. */
        @NotBlank @Size(max = 100) String fullName,
        @Size(max = 100) String otherNames,
        @NotNull LocalDate dateOfBirth,
        @NotNull Sex sex,
        @Size(max = 200) String placeOfBirthRegistration,
        @Size(max = 200) String nativePlace,
        @Size(max = 50) String ethnicity,
        @Size(max = 50) String religion,
        @Size(max = 60) String nationality,
        MaritalStatus maritalStatus,
        @Size(max = 300) String permanentAddress,
        @Size(max = 300) String currentAddress,
        @Size(max = 100) String occupation,
        @Size(max = 300) String identifyingMarks,
        @Valid Relative father,
        @Valid Relative mother,
        @Valid Relative spouse,
        @Valid Relative legalRepresentative,
        @Valid Householder householder) {}
