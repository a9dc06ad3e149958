package vn.gov.eid.dossier.domain.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import vn.gov.eid.dossier.domain.IntegratedDocument;

/** Checks {@link ValidityPeriod}, reporting on {@code expiryDate}. */
public class ValidityPeriodValidator implements ConstraintValidator<ValidityPeriod, IntegratedDocument> {
    @Override
    public boolean isValid(IntegratedDocument d, ConstraintValidatorContext context) {
        if (d == null
                || d.issueDate() == null
                || d.expiryDate() == null
                || d.expiryDate().isAfter(d.issueDate())) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                .addPropertyNode("expiryDate")
                .addConstraintViolation();
        return false;
    }
}
