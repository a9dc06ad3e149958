package vn.gov.eid.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Phone masking: what a log line may keep of a number and what it must hide. */
class MaskingTest {

    @Test
    void phonesAreMaskedToCountryCodeAndLastThreeDigits() {
        assertEquals("+84******678", Masking.phone("+84912345678"));
        assertEquals("0******678", Masking.phone("0912345678"));
    }

    @Test
    void theSubscriberPartNeverShows() {
        String masked = Masking.phone("+84912345678");
        assertFalse(masked.contains("912345"), masked);
        assertEquals("+84912345678".length(), masked.length(), "one star per hidden digit");
    }

    @Test
    void surroundingBlanksAreDroppedBeforeMasking() {
        assertEquals("+84******678", Masking.phone("  +84912345678\t"));
    }

    @Test
    void tooShortToKeepAnythingIsAllStars() {
        assertEquals("******", Masking.phone("+84123"));
        assertEquals("****", Masking.phone("1234"));
        assertEquals("*", Masking.phone("+"));
        assertEquals("1*345", Masking.phone("12345"));
    }

    @Test
    void nothingToMaskIsReturnedAsIs() {
        assertNull(Masking.phone(null));
        assertEquals("", Masking.phone(""));
        assertEquals("  ", Masking.phone("  "));
    }
}
