package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.identity.domain.PersonalIdNumber;
import vn.gov.eid.identity.domain.Role;
import vn.gov.eid.identity.domain.ServiceClient;
import vn.gov.eid.identity.domain.StaffUser;
import vn.gov.eid.identity.service.TokenService.IssuedToken;
import vn.gov.eid.platform.error.DomainException;

/** Authenticates citizens, staff users and service clients and issues their tokens (password and client grants). */
@ApplicationScoped
public class AuthService {

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenService tokens;

    @Inject
    FailedLogins failedLogins;

    /**
     * The password grant for citizens (username = personal ID number) and staff users. Failed attempts are
     * counted in the same transaction, which is why a refused login does not roll it back.
     */
    @Transactional(dontRollbackOn = LoginRefused.class)
    public IssuedToken passwordGrant(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw DomainException.invalid(
                    "invalid-request", "Invalid request", "grant_type=password needs username and password");
        }
        String name = username.trim();
        if (PersonalIdNumber.isValid(name)) {
            CitizenAccount account = CitizenAccount.findById(name, LockModeType.PESSIMISTIC_WRITE);
            if (account != null) {
                return citizenLogin(account, password);
            }
        }
        StaffUser staff = StaffUser.findById(name);
        if (staff == null) {
            hasher.verifyDummy(password);
            throw LoginRefused.invalidCredentials();
        }
        if (!hasher.verify(password, staff.passwordHash)) {
            Log.infof("failed staff login for %s", name);
            throw LoginRefused.invalidCredentials();
        }
        if (hasher.needsRehash(staff.passwordHash)) {
            staff.passwordHash = hasher.hash(password);
            Log.infof("password hash of staff user %s renewed with the current Argon2id parameters", name);
        }
        return tokens.issue(staff.username, Set.of(staff.role), false);
    }

    /** The client_credentials grant for service accounts of other systems; renews a secret hash with old parameters. */
    @Transactional
    public IssuedToken clientCredentialsGrant(String clientId, String secret) {
        if (clientId == null || clientId.isBlank() || secret == null || secret.isEmpty()) {
            throw DomainException.invalid(
                    "invalid-request",
                    "Invalid request",
                    "grant_type=client_credentials needs client_id and client_secret");
        }
        ServiceClient client = ServiceClient.findById(clientId.trim());
        if (client == null) {
            hasher.verifyDummy(secret);
            throw LoginRefused.invalidCredentials();
        }
        if (!hasher.verify(secret, client.secretHash)) {
            Log.infof("failed client authentication for %s", client.clientId);
            throw LoginRefused.invalidCredentials();
        }
        if (hasher.needsRehash(client.secretHash)) {
            client.secretHash = hasher.hash(secret);
            Log.infof("secret hash of client %s renewed with the current Argon2id parameters", client.clientId);
        }
        return tokens.issue(client.clientId, Set.of(client.role), false);
    }

    private IssuedToken citizenLogin(CitizenAccount account, String password) {
        Instant now = now();
        // The hash is computed before any other check, so every outcome costs the same time.
        boolean matches = hasher.verify(password, account.passwordHash);
        failedLogins.refuseIfLocked(account, now);
        if (!matches) {
            failedLogins.record(account, now);
            throw LoginRefused.invalidCredentials();
        }
        if (account.failedLogins != 0 || account.lockedUntil != null) {
            account.failedLogins = 0;
            account.lockedUntil = null;
            account.updatedAt = now;
        }
        if (account.passwordTemporary) {
            if (account.passwordExpiresAt != null && !now.isBefore(account.passwordExpiresAt)) {
                throw LoginRefused.temporaryPasswordExpired(account.passwordExpiresAt);
            }
            rehashIfOutdated(account, password, now);
            return tokens.issue(account.personalIdNumber, Set.of(Role.PASSWORD_CHANGE), true);
        }
        rehashIfOutdated(account, password, now);
        return tokens.issue(account.personalIdNumber, Set.of(Role.CITIZEN), false);
    }

    /**
     * A successful login is the only moment the plain password is at hand: hashes made with older (cheaper or
     * costlier) parameters are renewed then, so a change of the Argon2id settings reaches every active account.
     */
    private void rehashIfOutdated(CitizenAccount account, String password, Instant now) {
        if (hasher.needsRehash(account.passwordHash)) {
            account.passwordHash = hasher.hash(password);
            account.updatedAt = now;
            Log.infof(
                    "password hash of account %s renewed with the current Argon2id parameters",
                    account.personalIdNumber);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
