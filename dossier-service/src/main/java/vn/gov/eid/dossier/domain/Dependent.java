package vn.gov.eid.dossier.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import vn.gov.eid.dossier.domain.validation.PersonalIdNumbers;

/** A person (usually a child) registered as the applicant's dependent in the e-ID, with supporting documents. */
public record Dependent(
        @NotBlank @Size(max = 100) String fullName,
        @NotNull @Past LocalDate dateOfBirth,
        @NotBlank @Size(max = 50) String relationship,

        @Pattern(regexp = PersonalIdNumbers.FORMAT, message = PersonalIdNumbers.FORMAT_MESSAGE)
        String personalIdNumber,

        @Size(max = 10) List<@NotBlank @Size(max = 200) String> supportingDocuments) {}
