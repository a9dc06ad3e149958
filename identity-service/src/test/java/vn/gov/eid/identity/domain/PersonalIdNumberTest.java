package vn.gov.eid.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The 12-digit format of a personal identification number (plain JUnit). */
class PersonalIdNumberTest {

    @Test
    void exactlyTwelveAsciiDigits() {
        assertTrue(PersonalIdNumber.isValid("001203012345"));
        assertTrue(PersonalIdNumber.isValid("079099000001"));
        assertFalse(PersonalIdNumber.isValid(null));
        assertFalse(PersonalIdNumber.isValid(""));
        assertFalse(PersonalIdNumber.isValid("00120301234"), "11 digits");
        assertFalse(PersonalIdNumber.isValid("0012030123456"), "13 digits");
        assertFalse(PersonalIdNumber.isValid("00120301234A"));
        assertFalse(PersonalIdNumber.isValid(" 001203012345"));
        assertFalse(PersonalIdNumber.isValid("001203012345\n"));
        assertFalse(PersonalIdNumber.isValid("٠٠١٢٠٣٠١٢٣٤٥"), "Arabic-Indic digits");
    }

    @Test
    void theRegexForBeanValidationSaysTheSame() {
        for (String value : new String[] {"001203012345", "00120301234", "00120301234A", "١٢٣٤٥٦٧٨٩٠١٢"}) {
            assertEquals(PersonalIdNumber.isValid(value), Pattern.matches(PersonalIdNumber.REGEX, value), value);
        }
        assertEquals("must be 12 digits", PersonalIdNumber.MESSAGE);
    }
}
