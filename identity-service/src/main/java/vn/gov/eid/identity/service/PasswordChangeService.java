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
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.domain.AccountAudit;
import vn.gov.eid.identity.domain.AccountStatus;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.identity.domain.RecoveryCode;
import vn.gov.eid.identity.domain.RefreshToken.SubjectKind;
import vn.gov.eid.identity.domain.StaffUser;
import vn.gov.eid.identity.messaging.out.AccountEvents;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/** Lets a citizen replace the temporary password (or their own), which activates a pending account; and staff theirs. */
@ApplicationScoped
public class PasswordChangeService {

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    FailedLogins failedLogins;

    @Inject
    AccountEvents events;

    @Inject
    IdentityConfig config;

    @Inject
    Sessions sessions;

    /**
     * Replaces a citizen's password; activates a pending account and publishes account-activated through the
     * outbox. A wrong current password counts as a failed login. No refusal rolls back: besides the count of a
     * wrong password, a right one resets the count even when the new password is then refused.
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public void changePassword(String username, String currentPassword, String newPassword) {
        CitizenAccount account = CitizenAccount.findById(username, LockModeType.PESSIMISTIC_WRITE);
        if (account == null) {
            throw DomainException.notFound(
                    "account-not-found", "Account not found", "no citizen account for the token's subject");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean matches = hasher.verify(currentPassword, account.passwordHash);
        failedLogins.refuseIfLocked(account, now);
        if (!matches) {
            failedLogins.record(account, now);
            throw LoginRefused.invalidCredentials();
        }
        account.failedLogins = 0;
        List<Violation> violations = violations(policy, account.personalIdNumber, currentPassword, newPassword);
        if (!violations.isEmpty()) {
            throw DomainException.violations(violations);
        }
        setOwnPassword(account, newPassword, "PASSWORD_CHANGED", now);
    }

    /**
     * Sets a citizen's own password, in the caller's transaction: the temporary password dies, every session of the
     * account ends, and a pending account becomes ACTIVE (account-activated). Returns whether it was activated.
     */
    boolean setOwnPassword(CitizenAccount account, String newPassword, String auditAction, Instant now) {
        account.passwordHash = hasher.hash(newPassword);
        account.passwordTemporary = false;
        account.passwordExpiresAt = null;
        account.updatedAt = now;
        AccountAudit.record(account.personalIdNumber, auditAction, account.personalIdNumber, null, now);
        sessions.endAll(SubjectKind.CITIZEN, account.personalIdNumber);
        RecoveryCode.kill(account.personalIdNumber);
        if (account.status != AccountStatus.PENDING_ACTIVATION) {
            return false;
        }
        account.status = AccountStatus.ACTIVE;
        account.activatedAt = now;
        events.activated(account);
        Log.infof("account %s activated", account.personalIdNumber);
        return true;
    }

    /**
     * Replaces a staff user's password under the same rules as a citizen's. A wrong current password counts toward
     * the staff backoff and lock, as a failed login does.
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public void changeStaffPassword(String username, String currentPassword, String newPassword) {
        StaffUser staff = StaffUser.findById(username, LockModeType.PESSIMISTIC_WRITE);
        if (staff == null) {
            throw DomainException.notFound(
                    "staff-user-not-found", "Staff user not found", "no staff user for the token's subject");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        StaffBackoff backoff = StaffBackoff.of(config.staffLockout());
        backoff.refuseIfWaiting(staff.failures, now);
        if (!hasher.verify(currentPassword, staff.passwordHash)) {
            throw backoff.fail(staff.failures, now);
        }
        StaffBackoff.reset(staff.failures);
        List<Violation> violations = violations(policy, staff.username, currentPassword, newPassword);
        if (!violations.isEmpty()) {
            throw DomainException.violations(violations);
        }
        staff.passwordHash = hasher.hash(newPassword);
        sessions.endAll(SubjectKind.STAFF, staff.username);
        Log.infof("staff user %s changed their password", staff.username);
    }

    /** The rules a new password breaks: the VNeID rules, and it must differ from the username and the current one. */
    static List<Violation> violations(
            PasswordPolicy policy, String username, String currentPassword, String newPassword) {
        List<Violation> violations = new ArrayList<>();
        for (String problem : policy.problems(newPassword)) {
            violations.add(new Violation("newPassword", problem));
        }
        if (newPassword != null && newPassword.equalsIgnoreCase(username)) {
            violations.add(new Violation("newPassword", "must differ from the username"));
        }
        if (newPassword != null && newPassword.equals(currentPassword)) {
            violations.add(new Violation("newPassword", "must differ from the current password"));
        }
        return violations;
    }
}
