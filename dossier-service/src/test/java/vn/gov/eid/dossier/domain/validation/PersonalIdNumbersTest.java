package vn.gov.eid.dossier.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.eid.dossier.domain.Sex;

/** The structure of the 12-digit personal ID number against birth date and sex (plain JUnit, no Quarkus). */
class PersonalIdNumbersTest {
    static List<String> rules(String pid, String dob, String sex) {
        return PersonalIdNumbers.check(
                        pid, dob == null ? null : LocalDate.parse(dob), sex == null ? null : Sex.valueOf(sex))
                .stream()
                .map(PersonalIdNumbers.Failure::rule)
                .toList();
    }

    @ParameterizedTest(name = "{0} {1} {2} breaks {3}")
    @CsvSource({
        "999203012345, 2003-05-14, MALE,   PROVINCE_CODE",
        "003203012345, 2003-05-14, MALE,   PROVINCE_CODE",
        "001303012345, 2003-05-14, MALE,   CENTURY_SEX_DIGIT",
        "001003012345, 2003-05-14, MALE,   CENTURY_SEX_DIGIT",
        "001085012345, 1985-01-20, FEMALE, CENTURY_SEX_DIGIT",
        "001204012345, 2003-05-14, MALE,   BIRTH_YEAR_DIGITS",
        "001184012345, 1985-01-20, FEMALE, BIRTH_YEAR_DIGITS"
    })
    void inconsistentNumberBreaksExactlyTheNamedRule(String pid, String dob, String sex, String rule) {
        assertEquals(List.of(rule), rules(pid, dob, sex));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "079185012345, 1985-01-20, FEMALE",
        "096085012345, 1985-01-20, MALE",
        "001203012345, 2003-05-14, MALE",
        "048303012345, 2003-05-14, FEMALE",
        "001199012345, 1999-12-31, FEMALE",
        "001400012345, 2100-01-01, MALE"
    })
    void consistentNumberBreaksNoRule(String pid, String dob, String sex) {
        assertEquals(List.of(), rules(pid, dob, sex));
    }

    @Test
    void everyBrokenRuleIsReportedWithAnExplanation() {
        List<PersonalIdNumbers.Failure> failures =
                PersonalIdNumbers.check("999304012345", LocalDate.of(2003, 5, 14), Sex.MALE);
        assertEquals(
                List.of("PROVINCE_CODE", "CENTURY_SEX_DIGIT", "BIRTH_YEAR_DIGITS"),
                failures.stream().map(PersonalIdNumbers.Failure::rule).toList());
        assertEquals(
                "rule CENTURY_SEX_DIGIT: the 4th digit is 3 but a MALE born in 2003 has 2",
                failures.get(1).message());
    }

    @Test
    void unknownBirthDateOrSexSkipsTheRulesThatNeedThem() {
        assertEquals(List.of(), rules("001903012345", null, null));
        assertEquals(List.of("BIRTH_YEAR_DIGITS"), rules("001904012345", "2003-05-14", null));
        assertEquals(List.of("PROVINCE_CODE"), rules("999903012345", null, "MALE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00120301234", "0012030123456", "00120301234X", " 001203012345", ""})
    void malformedNumberIsLeftToTheFormatConstraint(String pid) {
        assertFalse(PersonalIdNumbers.wellFormed(pid));
        assertEquals(List.of(), rules(pid, "2003-05-14", "MALE"));
    }

    @Test
    void formatIsTwelveDigits() {
        assertTrue(PersonalIdNumbers.wellFormed("001203012345"));
        assertFalse(PersonalIdNumbers.wellFormed(null));
        assertTrue("123456789012".matches(PersonalIdNumbers.FORMAT));
        assertEquals("must be exactly 12 digits", PersonalIdNumbers.FORMAT_MESSAGE);
    }

    @Test
    void centurySexDigitTable() {
        assertEquals(0, PersonalIdNumbers.centurySexDigit(1900, Sex.MALE));
        assertEquals(1, PersonalIdNumbers.centurySexDigit(1999, Sex.FEMALE));
        assertEquals(2, PersonalIdNumbers.centurySexDigit(2000, Sex.MALE));
        assertEquals(3, PersonalIdNumbers.centurySexDigit(2099, Sex.FEMALE));
        assertEquals(8, PersonalIdNumbers.centurySexDigit(2300, Sex.MALE));
        assertEquals(9, PersonalIdNumbers.centurySexDigit(2399, Sex.FEMALE));
        assertEquals(-1, PersonalIdNumbers.centurySexDigit(1899, Sex.MALE));
        assertEquals(-1, PersonalIdNumbers.centurySexDigit(2400, Sex.FEMALE));
    }

    @Test
    void provinceTableHasTheSixtyThreeCodesOfTheCircular() {
        assertEquals(63, PersonalIdNumbers.PROVINCES.size());
        assertTrue(PersonalIdNumbers.PROVINCES.contains("001"), "Ha Noi");
        assertTrue(PersonalIdNumbers.PROVINCES.contains("079"), "Ho Chi Minh City");
        assertFalse(PersonalIdNumbers.PROVINCES.contains("003"));
    }
}
