package vn.gov.eid.identity.service;

import vn.gov.eid.platform.error.DomainException;

/**
 * A recovery code that does not set the password: wrong, expired, used up or never sent; which one is not said. The
 * refusal commits, so the tries and the failed login it counts are kept.
 */
public final class RecoveryRefused extends DomainException {

    private RecoveryRefused() {
        super(
                Kind.INVALID,
                "invalid-recovery-code",
                "Invalid recovery code",
                "the code is wrong or no longer valid; request a new one if needed");
    }

    static RecoveryRefused invalidCode() {
        return new RecoveryRefused();
    }
}
