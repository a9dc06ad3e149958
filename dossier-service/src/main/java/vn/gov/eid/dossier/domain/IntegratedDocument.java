package vn.gov.eid.dossier.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.gov.eid.dossier.domain.validation.ValidityPeriod;

/**
 * A document to integrate into the e-ID. {@code originalVerified} is set by the officer who compared the
 * original the citizen brought; an unverified document keeps the dossier from completing.
 */
@ValidityPeriod
public record IntegratedDocument(
        @NotNull IntegratedDocumentType type,
        @NotBlank @Size(max = 50) String number,
        @PastOrPresent LocalDate issueDate,
        LocalDate expiryDate,
        boolean originalVerified) {

    public IntegratedDocument verified() {
        return new IntegratedDocument(type, number, issueDate, expiryDate, true);
    }
}
