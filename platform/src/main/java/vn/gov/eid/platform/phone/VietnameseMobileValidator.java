package vn.gov.eid.platform.phone;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link VietnameseMobile}; null is left to {@code @NotBlank}. */
public class VietnameseMobileValidator implements ConstraintValidator<VietnameseMobile, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || PhoneNumbers.toVietnameseMobileE164(value).isPresent();
    }
}
