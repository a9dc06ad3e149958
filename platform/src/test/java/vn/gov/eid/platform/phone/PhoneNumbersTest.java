package vn.gov.eid.platform.phone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Vietnamese mobiles in any common form become E.164; anything else is refused (plain JUnit, no Quarkus). */
class PhoneNumbersTest {
    @ParameterizedTest
    @ValueSource(strings = {"0912345678", "0912 345 678", "+84 91 234 5678", "091-234-5678", " +84912345678 "})
    void mobileInAnyCommonFormIsNormalised(String raw) {
        assertEquals(Optional.of("+84912345678"), PhoneNumbers.toVietnameseMobileE164(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"024 3824 5678", "12345", "+33 6 12 34 56 78", "not a number", ""})
    void landlinesForeignNumbersAndGarbageAreRefused(String raw) {
        assertEquals(Optional.empty(), PhoneNumbers.toVietnameseMobileE164(raw));
    }
}
