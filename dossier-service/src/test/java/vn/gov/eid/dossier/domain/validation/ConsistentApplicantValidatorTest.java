package vn.gov.eid.dossier.domain.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.eid.dossier.PlainValidation;
import vn.gov.eid.dossier.domain.Applicant;
import vn.gov.eid.dossier.domain.Householder;
import vn.gov.eid.dossier.domain.Relative;
import vn.gov.eid.dossier.domain.Sex;

/** The applicant's constraints: ID number format and structure, plausible birth date (plain JUnit, no Quarkus). */
class ConsistentApplicantValidatorTest {
    static Applicant applicant(String pid, LocalDate dob, Sex sex, Relative father, Householder householder) {
        return new Applicant(
                pid,
                "Nguyen Van An",
                null,
                dob,
                sex,
                null,
                null,
                null,
                null,
                "Viet Nam",
                null,
                null,
                null,
                null,
                null,
                father,
                null,
                null,
                null,
                householder);
    }

    static Applicant applicant(String pid, LocalDate dob) {
        return applicant(pid, dob, Sex.MALE, null, null);
    }

    @Test
    void consistentApplicantIsValid() {
        assertEquals(Map.of(), PlainValidation.violations(applicant("001203012345", LocalDate.of(2003, 5, 14))));
    }

    @Test
    void inconsistentNumberIsAViolationOnTheNumberPerBrokenRule() {
        Map<String, List<String>> v = PlainValidation.violations(applicant("999304012345", LocalDate.of(2003, 5, 14)));
        assertEquals(List.of("personalIdNumber"), List.copyOf(v.keySet()));
        assertEquals(3, v.get("personalIdNumber").size());
    }

    @Test
    void birthDateInTheFutureIsRefusedAndNotComparedWithTheNumber() {
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        Map<String, List<String>> v = PlainValidation.violations(applicant("001000012345", tomorrow));
        assertEquals(Map.of("dateOfBirth", List.of("rule BIRTH_DATE_NOT_FUTURE: the birth date is in the future")), v);
    }

    @Test
    void birthDateBefore1900IsImplausible() {
        Map<String, List<String>> v = PlainValidation.violations(applicant("001089012345", LocalDate.of(1889, 3, 1)));
        assertEquals(Map.of("dateOfBirth", List.of("rule BIRTH_DATE_PLAUSIBLE: born before 1900")), v);
    }

    @Test
    void everyPersonalIdNumberFieldHasTheOneFormatMessage() {
        Applicant a = applicant(
                "00120301234X",
                LocalDate.of(2003, 5, 14),
                Sex.MALE,
                new Relative("Nguyen Van Ba", "12345", "Viet Nam"),
                new Householder("Nguyen Van Ba", "1234567890123", "FATHER"));
        assertEquals(
                Map.of(
                        "father.personalIdNumber", List.of(PersonalIdNumbers.FORMAT_MESSAGE),
                        "householder.personalIdNumber", List.of(PersonalIdNumbers.FORMAT_MESSAGE),
                        "personalIdNumber", List.of(PersonalIdNumbers.FORMAT_MESSAGE)),
                PlainValidation.violations(a));
    }
}
