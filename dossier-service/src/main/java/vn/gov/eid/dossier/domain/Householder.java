package vn.gov.eid.dossier.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.gov.eid.dossier.domain.validation.PersonalIdNumbers;

/** The head of the household the applicant is registered in, and the applicant's relationship to them. */
public record Householder(
        @NotBlank @Size(max = 100) String fullName,

        @Pattern(regexp = PersonalIdNumbers.FORMAT, message = PersonalIdNumbers.FORMAT_MESSAGE)
        String personalIdNumber,

        @NotBlank @Size(max = 50) String relationship) {}
