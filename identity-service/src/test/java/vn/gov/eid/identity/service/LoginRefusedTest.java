package vn.gov.eid.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.error.DomainException.Kind;

/** The refusals of a login keep the problem types, kinds and extensions callers rely on (plain JUnit). */
class LoginRefusedTest {

    private static final Instant AT = Instant.parse("2026-11-28T10:15:00Z");

    @Test
    void invalidCredentialsSayNotWhichPartIsWrong() {
        LoginRefused e = LoginRefused.invalidCredentials();
        assertEquals(Kind.UNAUTHENTICATED, e.kind());
        assertEquals("urn:vn-eid:problem:invalid-credentials", e.type());
        assertEquals("Invalid credentials", e.title());
        assertEquals("the username or password is wrong", e.detail());
        assertEquals(Map.of(), e.extensions());
    }

    @Test
    void locksAreAccountLockedWithTheEndOfAFailedLoginLock() {
        LoginRefused operator = LoginRefused.lockedByOperator();
        assertEquals(Kind.LOCKED, operator.kind());
        assertEquals("urn:vn-eid:problem:account-locked", operator.type());
        assertEquals(Map.of(), operator.extensions());
        LoginRefused failures = LoginRefused.lockedUntil(AT);
        assertEquals(Kind.LOCKED, failures.kind());
        assertEquals("urn:vn-eid:problem:account-locked", failures.type());
        assertEquals("too many failed logins; the account is locked until 2026-11-28T10:15:00Z", failures.detail());
        assertEquals(Map.of("lockedUntil", "2026-11-28T10:15:00Z"), failures.extensions());
    }

    @Test
    void anExpiredTemporaryPasswordSaysWhenItExpired() {
        LoginRefused e = LoginRefused.temporaryPasswordExpired(AT);
        assertEquals(Kind.UNAUTHENTICATED, e.kind());
        assertEquals("urn:vn-eid:problem:temporary-password-expired", e.type());
        assertEquals("Temporary password expired", e.title());
        assertEquals(Map.of("expiredAt", "2026-11-28T10:15:00Z"), e.extensions());
    }
}
