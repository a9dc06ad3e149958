package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.identity.domain.FailedAttempts;
import vn.gov.eid.identity.domain.PersonalIdNumber;
import vn.gov.eid.identity.domain.RefreshToken.SubjectKind;
import vn.gov.eid.identity.domain.Role;
import vn.gov.eid.identity.domain.ServiceClient;
import vn.gov.eid.identity.domain.StaffUser;
import vn.gov.eid.identity.service.TokenService.IssuedToken;

/**
 * The database side of a login, in two short transactions around the password check, which runs outside any (a login
 * holds no connection and no row lock while it waits for, or spends, an Argon2 hash): {@code find*} reads the stored
 * hash; {@link #complete} locks the row, counts the outcome and issues the token.
 */
@ApplicationScoped
public class LoginRecords {

    /** Whose credential a login checks: a citizen account, a staff user or a service client. */
    enum Kind {
        CITIZEN,
        STAFF,
        CLIENT
    }

    /** The stored hash a login is checked against, as read before the check. */
    record Credential(Kind kind, String id, String hash) {}

    /** The stored credential changed between the check and its completion (a concurrent password change). */
    static final class CredentialChanged extends RuntimeException {
        CredentialChanged() {
            super(null, null, false, false);
        }
    }

    @Inject
    IdentityConfig config;

    @Inject
    FailedLogins failedLogins;

    @Inject
    TokenService tokens;

    @Inject
    Sessions sessions;

    private StaffBackoff backoff;

    @PostConstruct
    void init() {
        backoff = StaffBackoff.of(config.staffLockout());
    }

    /**
     * The credential of a password grant's username: a citizen account (12-digit personal ID number) or a staff
     * user; null when there is none. A staff user in backoff or locked is refused here, before any hashing.
     */
    @Transactional
    public Credential findForPasswordGrant(String username, Instant now) {
        if (PersonalIdNumber.isValid(username)) {
            CitizenAccount account = CitizenAccount.findById(username);
            if (account != null) {
                return new Credential(Kind.CITIZEN, account.personalIdNumber, account.passwordHash);
            }
        }
        StaffUser staff = StaffUser.findById(username);
        if (staff == null) {
            return null;
        }
        backoff.refuseIfWaiting(staff.failures, now);
        return new Credential(Kind.STAFF, staff.username, staff.passwordHash);
    }

    /** The credential of a service client; null when there is none; refused while in backoff or locked. */
    @Transactional
    public Credential findClient(String clientId, Instant now) {
        ServiceClient client = ServiceClient.findById(clientId);
        if (client == null) {
            return null;
        }
        backoff.refuseIfWaiting(client.failures, now);
        return new Credential(Kind.CLIENT, client.clientId, client.secretHash);
    }

    /**
     * Records the outcome of the check and, when it matched, issues the token (storing {@code renewedHash} if the
     * stored hash used old parameters). A refusal commits: the failed-attempt count and a lock it sets are kept.
     *
     * @throws CredentialChanged when the stored hash is no longer the one that was checked
     */
    @Transactional(dontRollbackOn = LoginRefused.class)
    public IssuedToken complete(Credential c, boolean matches, String renewedHash, Instant now) {
        return switch (c.kind()) {
            case CITIZEN -> completeCitizen(c, matches, renewedHash, now);
            case STAFF -> completeStaff(c, matches, renewedHash, now);
            case CLIENT -> completeClient(c, matches, renewedHash, now);
        };
    }

    private IssuedToken completeCitizen(Credential c, boolean matches, String renewedHash, Instant now) {
        CitizenAccount account = CitizenAccount.findById(c.id(), LockModeType.PESSIMISTIC_WRITE);
        if (account == null || !account.passwordHash.equals(c.hash())) {
            throw new CredentialChanged();
        }
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
        if (account.passwordTemporary
                && account.passwordExpiresAt != null
                && !now.isBefore(account.passwordExpiresAt)) {
            throw LoginRefused.temporaryPasswordExpired(account.passwordExpiresAt);
        }
        if (renewedHash != null) {
            account.passwordHash = renewedHash;
            account.updatedAt = now;
            Log.infof(
                    "password hash of account %s renewed with the current Argon2id parameters",
                    account.personalIdNumber);
        }
        // a temporary password opens no session: its restricted token only changes the password
        return account.passwordTemporary
                ? tokens.issue(account.personalIdNumber, Set.of(Role.PASSWORD_CHANGE), true)
                : tokens.issue(account.personalIdNumber, Set.of(Role.CITIZEN), false)
                        .withRefreshToken(sessions.start(SubjectKind.CITIZEN, account.personalIdNumber, now));
    }

    private IssuedToken completeStaff(Credential c, boolean matches, String renewedHash, Instant now) {
        StaffUser staff = StaffUser.findById(c.id(), LockModeType.PESSIMISTIC_WRITE);
        if (staff == null || !staff.passwordHash.equals(c.hash())) {
            throw new CredentialChanged();
        }
        // another replica may have locked the user while this attempt was being checked
        backoff.refuseIfWaiting(staff.failures, now);
        if (!matches) {
            Log.infof("failed staff login for %s", staff.username);
            failed(staff.failures, "staff user " + staff.username, now);
        }
        StaffBackoff.reset(staff.failures);
        if (renewedHash != null) {
            staff.passwordHash = renewedHash;
            Log.infof("password hash of staff user %s renewed with the current Argon2id parameters", staff.username);
        }
        return tokens.issue(staff.username, Set.of(staff.role), false)
                .withRefreshToken(sessions.start(SubjectKind.STAFF, staff.username, now));
    }

    private IssuedToken completeClient(Credential c, boolean matches, String renewedHash, Instant now) {
        ServiceClient client = ServiceClient.findById(c.id(), LockModeType.PESSIMISTIC_WRITE);
        if (client == null || !client.secretHash.equals(c.hash())) {
            throw new CredentialChanged();
        }
        backoff.refuseIfWaiting(client.failures, now);
        if (!matches) {
            Log.infof("failed client authentication for %s", client.clientId);
            failed(client.failures, "client " + client.clientId, now);
        }
        StaffBackoff.reset(client.failures);
        if (renewedHash != null) {
            client.secretHash = renewedHash;
            Log.infof("secret hash of client %s renewed with the current Argon2id parameters", client.clientId);
        }
        return tokens.issue(client.clientId, Set.of(client.role), false);
    }

    /** Counts the failure (which may lock) and refuses the attempt. */
    private void failed(FailedAttempts failures, String who, Instant now) {
        LoginRefused refused = backoff.fail(failures, now);
        if (failures.lockedUntil != null) {
            Log.warnf(
                    "%s locked until %s after %d failed logins in a row",
                    who, failures.lockedUntil, backoff.lockAfter());
        }
        throw refused;
    }
}
