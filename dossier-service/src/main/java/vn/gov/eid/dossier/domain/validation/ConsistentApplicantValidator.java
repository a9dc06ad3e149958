package vn.gov.eid.dossier.domain.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.LocalDate;
import vn.gov.eid.dossier.domain.Applicant;

/** Checks {@link ConsistentApplicant}: one violation per broken rule, each on the field it is about. */
public class ConsistentApplicantValidator implements ConstraintValidator<ConsistentApplicant, Applicant> {
    /** The century/sex digit table starts in 1900; nobody alive was born earlier. */
    static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    @Override
    public boolean isValid(Applicant a, ConstraintValidatorContext context) {
        if (a == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        LocalDate dob = a.dateOfBirth();
        if (dob != null && dob.isAfter(LocalDate.now())) {
            valid = violation(context, "dateOfBirth", "rule BIRTH_DATE_NOT_FUTURE: the birth date is in the future");
            dob = null;
        } else if (dob != null && dob.isBefore(EARLIEST_BIRTH)) {
            valid = violation(context, "dateOfBirth", "rule BIRTH_DATE_PLAUSIBLE: born before 1900");
            dob = null;
        }
        for (PersonalIdNumbers.Failure f : PersonalIdNumbers.check(a.personalIdNumber(), dob, a.sex())) {
            valid = violation(context, "personalIdNumber", f.message());
        }
        return valid;
    }

    public static boolean violation(ConstraintValidatorContext context, String field, String message) {
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addPropertyNode(field)
                .addConstraintViolation();
        return false;
    }
}
