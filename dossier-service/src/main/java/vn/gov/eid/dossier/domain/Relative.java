package vn.gov.eid.dossier.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.gov.eid.dossier.domain.validation.PersonalIdNumbers;

/** A relative recorded on the dossier (father, mother, spouse, legal representative): Law 2014 art. 9. */
public record Relative(
        @NotBlank @Size(max = 100) String fullName,

        @Pattern(regexp = PersonalIdNumbers.FORMAT, message = PersonalIdNumbers.FORMAT_MESSAGE)
        String personalIdNumber,

        @Size(max = 60) String nationality) {}
