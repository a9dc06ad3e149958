package vn.gov.eid.identity.service;

import java.time.Instant;
import vn.gov.eid.platform.error.DomainException;

/**
 * A refused login or password change: wrong credentials, a locked account or an expired temporary password. The
 * transaction that refuses commits anyway, so the failed-attempt count and the lock it may have set are kept.
 */
public final class LoginRefused extends DomainException {

    private LoginRefused(Kind kind, String code, String title, String detail) {
        super(kind, code, title, detail);
    }

    /** The username, client id or password (secret) is wrong; which one is not said. */
    static LoginRefused invalidCredentials() {
        return new LoginRefused(
                Kind.UNAUTHENTICATED,
                "invalid-credentials",
                "Invalid credentials",
                "the username or password is wrong");
    }

    /** An operator locked the account. */
    static LoginRefused lockedByOperator() {
        return new LoginRefused(
                Kind.LOCKED,
                "account-locked",
                "Account locked",
                "the account is locked by an operator; contact support");
    }

    /** Too many failed logins locked the account until the given instant. */
    static LoginRefused lockedUntil(Instant until) {
        LoginRefused e = new LoginRefused(
                Kind.LOCKED,
                "account-locked",
                "Account locked",
                "too many failed logins; the account is locked until " + until);
        e.with("lockedUntil", until.toString());
        return e;
    }

    /** The right temporary password, but too late to use it. */
    static LoginRefused temporaryPasswordExpired(Instant expiredAt) {
        LoginRefused e = new LoginRefused(
                Kind.UNAUTHENTICATED,
                "temporary-password-expired",
                "Temporary password expired",
                "the temporary password expired at " + expiredAt + "; ask for a credential reset");
        e.with("expiredAt", expiredAt.toString());
        return e;
    }
}
