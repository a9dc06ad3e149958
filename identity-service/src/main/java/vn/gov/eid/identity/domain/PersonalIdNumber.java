package vn.gov.eid.identity.domain;

import java.util.regex.Pattern;

/** The format of a personal identification number, a citizen's username: exactly 12 digits. */
public final class PersonalIdNumber {

    /** The format as a regular expression, for Bean Validation's {@code @Pattern}. */
    public static final String REGEX = "\\d{12}";
    /** What a caller is told when a value breaks the format. */
    public static final String MESSAGE = "must be 12 digits";

    private static final Pattern FORMAT = Pattern.compile(REGEX);

    private PersonalIdNumber() {}

    /** Whether the value has the format (null has not). */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
