package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.domain.AccountAudit;
import vn.gov.eid.identity.domain.AccountStatus;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.identity.domain.ServiceClient;
import vn.gov.eid.identity.domain.StaffUser;
import vn.gov.eid.identity.messaging.AccountEvents;
import vn.gov.eid.identity.service.TokenService.IssuedToken;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/**
 * Authenticates citizens, staff users and service clients and issues their tokens; counts failed logins and
 * locks accounts; lets a citizen replace the temporary password.
 */
@ApplicationScoped
public class AuthService {

    /** The group of a citizen with an activated account. */
    public static final String CITIZEN_GROUP = "citizen";
    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");

    @Inject
    IdentityConfig config;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    TokenService tokens;

    @Inject
    AccountEvents events;

    /**
     * The password grant for citizens (username = personal ID number) and staff users. Failed attempts are
     * counted in the same transaction, which is why problems do not roll it back.
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public IssuedToken passwordGrant(String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw DomainException.invalid("invalid-request", "Invalid request",
                    "grant_type=password needs username and password");
        }
        String name = username.trim();
        if (PERSONAL_ID.matcher(name).matches()) {
            CitizenAccount account = CitizenAccount.findById(name, LockModeType.PESSIMISTIC_WRITE);
            if (account != null) {
                return citizenLogin(account, password);
            }
        }
        StaffUser staff = StaffUser.findById(name);
        if (staff == null) {
            hasher.verifyDummy(password);
            throw invalidCredentials();
        }
        if (!hasher.verify(password, staff.passwordHash)) {
            Log.infof("failed staff login for %s", name);
            throw invalidCredentials();
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
            throw DomainException.invalid("invalid-request", "Invalid request",
                    "grant_type=client_credentials needs client_id and client_secret");
        }
        ServiceClient client = ServiceClient.findById(clientId.trim());
        if (client == null) {
            hasher.verifyDummy(secret);
            throw invalidCredentials();
        }
        if (!hasher.verify(secret, client.secretHash)) {
            Log.infof("failed client authentication for %s", client.clientId);
            throw invalidCredentials();
        }
        if (hasher.needsRehash(client.secretHash)) {
            client.secretHash = hasher.hash(secret);
            Log.infof("secret hash of client %s renewed with the current Argon2id parameters", client.clientId);
        }
        return tokens.issue(client.clientId, Set.of(client.role), false);
    }

    /**
     * Replaces a citizen's password (the temporary one or their own); activates a pending account and
     * publishes account-activated through the outbox.
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public void changePassword(String username, String currentPassword, String newPassword) {
        CitizenAccount account = CitizenAccount.findById(username, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw DomainException.notFound("account-not-found", "Account not found",
                    "no citizen account for the token's subject");
        }
        Instant now = now();
        boolean matches = hasher.verify(currentPassword, account.passwordHash);
        refuseIfLocked(account, now);
        if (!matches) {
            recordFailure(account, now);
            throw invalidCredentials();
        }
        account.failedLogins = 0;
        List<Violation> violations = new ArrayList<>();
        for (String problem : policy.problems(newPassword)) {
            violations.add(new Violation("newPassword", problem));
        }
        if (newPassword != null && newPassword.equalsIgnoreCase(account.personalIdNumber)) {
            violations.add(new Violation("newPassword", "must differ from the username"));
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            violations.add(new Violation("newPassword", "must differ from the current password"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid("validation", "Invalid request",
                    violations.size() + " field(s) are invalid").with("violations", violations);
        }
        account.passwordHash = hasher.hash(newPassword);
        account.passwordTemporary = false;
        account.passwordExpiresAt = null;
        account.updatedAt = now;
        AccountAudit.record(account.personalIdNumber, "PASSWORD_CHANGED", account.personalIdNumber, null, now);
        if (account.status == AccountStatus.PENDING_ACTIVATION) {
            account.status = AccountStatus.ACTIVE;
            account.activatedAt = now;
            events.activated(account);
            Log.infof("account %s activated", account.personalIdNumber);
        }
    }

    private IssuedToken citizenLogin(CitizenAccount account, String password) {
        Instant now = now();
        // The hash is computed before any other check, so every outcome costs the same time.
        boolean matches = hasher.verify(password, account.passwordHash);
        refuseIfLocked(account, now);
        if (!matches) {
            recordFailure(account, now);
            throw invalidCredentials();
        }
        if (account.failedLogins != 0 || account.lockedUntil != null) {
            account.failedLogins = 0;
            account.lockedUntil = null;
            account.updatedAt = now;
        }
        if (account.passwordTemporary) {
            if (account.passwordExpiresAt != null && !now.isBefore(account.passwordExpiresAt)) {
                throw DomainException.unauthenticated("temporary-password-expired", "Temporary password expired",
                        "the temporary password expired at " + account.passwordExpiresAt
                                + "; ask for a credential reset")
                        .with("expiredAt", account.passwordExpiresAt.toString());
            }
            rehashIfOutdated(account, password, now);
            return tokens.issue(account.personalIdNumber, Set.of(TokenService.PASSWORD_CHANGE_GROUP), true);
        }
        rehashIfOutdated(account, password, now);
        return tokens.issue(account.personalIdNumber, Set.of(CITIZEN_GROUP), false);
    }

    /**
     * A successful login is the only moment the plain password is at hand: hashes made with older (cheaper or
     * costlier) parameters are renewed then, so a change of the Argon2id settings reaches every active account.
     */
    private void rehashIfOutdated(CitizenAccount account, String password, Instant now) {
        if (hasher.needsRehash(account.passwordHash)) {
            account.passwordHash = hasher.hash(password);
            account.updatedAt = now;
            Log.infof("password hash of account %s renewed with the current Argon2id parameters", account.personalIdNumber);
        }
    }

    private void refuseIfLocked(CitizenAccount account, Instant now) {
        if (account.status == AccountStatus.LOCKED) {
            throw DomainException.locked("account-locked", "Account locked",
                    "the account is locked by an operator; contact support");
        }
        if (account.lockedUntil != null && now.isBefore(account.lockedUntil)) {
            throw lockedUntil(account.lockedUntil);
        }
    }

    private void recordFailure(CitizenAccount account, Instant now) {
        account.failedLogins++;
        account.updatedAt = now;
        if (account.failedLogins >= config.lockout().maxFailures()) {
            account.failedLogins = 0;
            account.lockedUntil = now.plus(config.lockout().duration());
            AccountAudit.record(account.personalIdNumber, "LOCKED_FAILED_LOGINS", "system",
                    config.lockout().maxFailures() + " failed logins in a row", now);
            events.lockedAfterFailures(account);
            Log.infof("account %s locked until %s after %d failed logins", account.personalIdNumber,
                    account.lockedUntil, config.lockout().maxFailures());
            throw lockedUntil(account.lockedUntil);
        }
    }

    private static DomainException lockedUntil(Instant until) {
        return DomainException.locked("account-locked", "Account locked",
                "too many failed logins; the account is locked until " + until)
                .with("lockedUntil", until.toString());
    }

    private static DomainException invalidCredentials() {
        return DomainException.unauthenticated("invalid-credentials", "Invalid credentials",
                "the username or password is wrong");
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
