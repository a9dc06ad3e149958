package vn.gov.eid.notification.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The 12-digit rule shared by the request intake and the operator filter. */
class PersonalIdNumberTest {

    @Test
    void exactlyTwelveDigits() {
        assertTrue(PersonalIdNumber.isValid("001203012345"));
        assertFalse(PersonalIdNumber.isValid("00120301234"));
        assertFalse(PersonalIdNumber.isValid("0012030123456"));
        assertFalse(PersonalIdNumber.isValid("00120301234a"));
        assertFalse(PersonalIdNumber.isValid(" 001203012345"));
        assertFalse(PersonalIdNumber.isValid(""));
        assertFalse(PersonalIdNumber.isValid(null));
    }
}
