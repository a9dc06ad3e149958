package vn.gov.eid.dossier.domain.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.gov.eid.dossier.domain.Sex;

/**
 * Structural checks of the 12-digit personal identification number PPP G YY RRRRRR
 * (Decree 137/2015/ND-CP art. 13; Circular 07/2016/TT-BCA art. 7) against the applicant's birth date and sex.
 */
public final class PersonalIdNumbers {
    /** The format of a personal ID number: exactly 12 digits (checked before any structural rule). */
    public static final String FORMAT = "\\d{12}";

    /** What a caller is told when a personal ID number does not have that format. */
    public static final String FORMAT_MESSAGE = "must be exactly 12 digits";

    /** Province codes of birth registration, Circular 07/2016/TT-BCA appendix 1. */
    static final Set<String> PROVINCES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024",
            "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045",
            "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
            "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093",
            "094", "095", "096");

    /** A broken rule: its stable name and an explanation for the officer. */
    public record Failure(String rule, String message) {}

    private PersonalIdNumbers() {}

    /** Whether the value has the format of a personal ID number ({@link #FORMAT}). */
    public static boolean wellFormed(String value) {
        return value != null && value.matches(FORMAT);
    }

    /** Every rule the number breaks; empty when it is consistent. Unknown birth date or sex skips those rules. */
    public static List<Failure> check(String number, LocalDate dateOfBirth, Sex sex) {
        List<Failure> failures = new ArrayList<>();
        if (!wellFormed(number)) {
            // The format constraint on the field reports this one.
            return failures;
        }
        String province = number.substring(0, 3);
        if (!PROVINCES.contains(province)) {
            failures.add(new Failure(
                    "PROVINCE_CODE",
                    "rule PROVINCE_CODE: " + province + " is not a province code of Circular 07/2016/TT-BCA"));
        }
        if (dateOfBirth != null && sex != null) {
            int expected = centurySexDigit(dateOfBirth.getYear(), sex);
            int actual = number.charAt(3) - '0';
            if (expected < 0) {
                failures.add(new Failure(
                        "CENTURY_SEX_DIGIT",
                        "rule CENTURY_SEX_DIGIT: no digit is defined for birth year " + dateOfBirth.getYear()));
            } else if (actual != expected) {
                failures.add(new Failure(
                        "CENTURY_SEX_DIGIT",
                        "rule CENTURY_SEX_DIGIT: the 4th digit is " + actual + " but a " + sex + " born in "
                                + dateOfBirth.getYear() + " has " + expected));
            }
        }
        if (dateOfBirth != null) {
            String yy = String.format("%02d", dateOfBirth.getYear() % 100);
            if (!number.substring(4, 6).equals(yy)) {
                failures.add(new Failure(
                        "BIRTH_YEAR_DIGITS",
                        "rule BIRTH_YEAR_DIGITS: digits 5-6 are " + number.substring(4, 6)
                                + " but the birth year ends in " + yy));
            }
        }
        return failures;
    }

    /** 1900-1999: male 0, female 1; each further century adds 2 (up to 2399). -1 outside that range. */
    static int centurySexDigit(int year, Sex sex) {
        int century = year / 100 - 19;
        if (century < 0 || century > 4) {
            return -1;
        }
        return century * 2 + (sex == Sex.FEMALE ? 1 : 0);
    }
}
