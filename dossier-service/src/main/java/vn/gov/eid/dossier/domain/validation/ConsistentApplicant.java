package vn.gov.eid.dossier.domain.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The applicant's personal ID number agrees with their birth date and sex, and the birth date is plausible. */
@Documented
@Constraint(validatedBy = ConsistentApplicantValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentApplicant {
    String message() default "inconsistent applicant";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
