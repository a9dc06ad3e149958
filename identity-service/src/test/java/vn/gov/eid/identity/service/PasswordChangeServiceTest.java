package vn.gov.eid.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.Transactional;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/** The rules of a new password, and which refusals keep the failed-login count (plain JUnit). */
class PasswordChangeServiceTest {

    private static final String PID = "001203012345";
    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aGoodNewPasswordBreaksNoRule() {
        assertEquals(List.of(), PasswordChangeService.violations(policy, PID, "Temp_2026ab", "Mine_2026"));
    }

    @Test
    void theNewPasswordMustDifferFromTheUsernameAndTheCurrentOne() {
        assertEquals(
                List.of(new Violation("newPassword", "must differ from the current password")),
                PasswordChangeService.violations(policy, PID, "Same_2026", "Same_2026"));
        assertEquals(
                List.of(new Violation("newPassword", "must differ from the username")),
                PasswordChangeService.violations(policy, "staff_user1", "Temp_2026ab", "Staff_User1"));
        List<Violation> digits = PasswordChangeService.violations(policy, PID, "Temp_2026ab", PID);
        assertTrue(digits.contains(new Violation("newPassword", "must differ from the username")), digits.toString());
        assertTrue(
                digits.contains(new Violation("newPassword", "must contain an upper-case letter")), digits.toString());
        assertTrue(digits.stream().allMatch(v -> v.field().equals("newPassword")));
    }

    @Test
    void brokenRulesBecomeTheValidationProblem() {
        List<Violation> violations = PasswordChangeService.violations(policy, PID, "Temp_2026ab", "short");
        DomainException e = DomainException.violations(violations);
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals("urn:vn-eid:problem:validation", e.type());
        assertEquals("Invalid request", e.title());
        assertEquals(violations.size() + " field(s) are invalid", e.detail());
        assertEquals(violations, e.extensions().get("violations"));
        assertEquals(
                PasswordChangeService.violations(policy, PID, "x", null),
                List.of(new Violation("newPassword", "must not be empty")));
    }

    @Test
    void refusalsDoNotRollBackTheFailedLoginCount() throws Exception {
        Transactional grant = LoginRecords.class
                .getMethod(
                        "complete", LoginRecords.Credential.class, boolean.class, String.class, java.time.Instant.class)
                .getAnnotation(Transactional.class);
        assertEquals(List.of(LoginRefused.class), List.of(grant.dontRollbackOn()));
        Transactional change = PasswordChangeService.class
                .getMethod("changePassword", String.class, String.class, String.class)
                .getAnnotation(Transactional.class);
        assertEquals(List.of(DomainException.class), List.of(change.dontRollbackOn()));
    }
}
