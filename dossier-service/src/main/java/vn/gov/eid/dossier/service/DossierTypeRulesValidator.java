package vn.gov.eid.dossier.service;

import static vn.gov.eid.dossier.domain.validation.ConsistentApplicantValidator.violation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import java.time.Period;
import vn.gov.eid.dossier.domain.DossierType;
import vn.gov.eid.dossier.domain.ExchangeReason;

/** Checks {@link DossierTypeRules}. */
public class DossierTypeRulesValidator implements ConstraintValidator<DossierTypeRules, NewDossier> {
    /**
     * A card must be exchanged at 25, 40 and 60; one issued or exchanged within the two years before a milestone
     * stays valid to the next one (Law on Citizen Identification 2014, art. 21), so the earliest plausible
     * AGE_MILESTONE exchange is at 23.
     */
    static final int EARLIEST_MILESTONE_AGE = 23;

    @Override
    public boolean isValid(NewDossier d, ConstraintValidatorContext context) {
        if (d == null || d.type() == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        if (d.type() == DossierType.EXCHANGE) {
            if (d.exchangeReason() == null) {
                valid = violation(context, "exchangeReason", "rule EXCHANGE_REASON: is required for EXCHANGE");
            }
            if (d.currentCardNumber() == null) {
                valid = violation(context, "currentCardNumber", "rule EXCHANGE_CARD: is required for EXCHANGE");
            }
            if (d.exchangeReason() == ExchangeReason.AGE_MILESTONE
                    && d.applicant() != null
                    && d.applicant().dateOfBirth() != null
                    && Period.between(d.applicant().dateOfBirth(), LocalDate.now())
                                    .getYears()
                            < EARLIEST_MILESTONE_AGE) {
                valid = violation(
                        context,
                        "exchangeReason",
                        "rule AGE_MILESTONE: the applicant is younger than " + EARLIEST_MILESTONE_AGE
                                + ", two years before the first exchange age of 25");
            }
        } else {
            if (d.exchangeReason() != null) {
                valid = violation(context, "exchangeReason", "rule TYPE_FIELDS: only allowed for EXCHANGE");
            }
            if (d.currentCardNumber() != null) {
                valid = violation(context, "currentCardNumber", "rule TYPE_FIELDS: only allowed for EXCHANGE");
            }
        }
        if (d.type() != DossierType.REISSUE && d.lostCardNumber() != null) {
            valid = violation(context, "lostCardNumber", "rule TYPE_FIELDS: only allowed for REISSUE");
        }
        return valid;
    }
}
