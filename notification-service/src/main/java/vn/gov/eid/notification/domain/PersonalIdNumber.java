package vn.gov.eid.notification.domain;

/**
 * The rule for a personal ID number as this service receives it: exactly 12 digits.
 */
public final class PersonalIdNumber {

    /** Regular expression of a valid number (usable in a Bean Validation {@code @Pattern}). */
    public static final String PATTERN = "\\d{12}";

    private PersonalIdNumber() {}

    public static boolean isValid(String value) {
        return value != null && value.matches(PATTERN);
    }
}
