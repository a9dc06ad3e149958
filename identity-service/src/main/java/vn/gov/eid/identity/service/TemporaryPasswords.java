package vn.gov.eid.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.domain.CitizenAccount;

/** Gives an account a new temporary password (stored only as its hash) and returns the plaintext for the SMS. */
@ApplicationScoped
public class TemporaryPasswords {

    @Inject
    IdentityConfig config;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    /** Generates, hashes and sets it, valid until {@code now} plus the configured temporary validity. */
    public String issue(CitizenAccount account, Instant now) {
        String password = policy.generate();
        account.passwordHash = hasher.hashForProvisioning(password);
        account.passwordTemporary = true;
        account.passwordExpiresAt = now.plus(config.password().temporaryValidity());
        return password;
    }
}
