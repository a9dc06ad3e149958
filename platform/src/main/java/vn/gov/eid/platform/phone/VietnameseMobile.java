package vn.gov.eid.platform.phone;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The value is a Vietnamese mobile number (national or +84 form), as libphonenumber classifies it. */
@Documented
@Constraint(validatedBy = VietnameseMobileValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface VietnameseMobile {
    String message() default "must be a Vietnamese mobile phone number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
