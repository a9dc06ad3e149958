package vn.gov.eid.dossier.service;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fields a dossier type needs are there and the others are not: EXCHANGE needs a reason and the current
 * card number; REISSUE may name the lost card; ISSUE has none of them.
 */
@Documented
@Constraint(validatedBy = DossierTypeRulesValidator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface DossierTypeRules {
    String message() default "fields do not fit the dossier type";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
