package vn.gov.eid.dossier.domain.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A document's expiry date, when given, is after its issue date. */
@Documented
@Constraint(validatedBy = ValidityPeriodValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidityPeriod {
    String message() default "rule VALIDITY_PERIOD: must be after the issue date";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
