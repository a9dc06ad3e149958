package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import vn.gov.eid.identity.domain.AccountAudit;
import vn.gov.eid.identity.domain.AccountStatus;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.identity.domain.RecoveryCode;
import vn.gov.eid.identity.domain.RefreshToken.SubjectKind;
import vn.gov.eid.identity.messaging.out.AccountEvents;
import vn.gov.eid.identity.messaging.out.AccountEvents.SmsPurpose;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.privacy.Masking;

/** The operators' audited actions on a citizen account: lock, unlock and credential reset. */
@ApplicationScoped
public class OperatorActions {

    @Inject
    TemporaryPasswords temporaryPasswords;

    @Inject
    AccountContacts contacts;

    @Inject
    AccountEvents events;

    @Inject
    Sessions sessions;

    /** An operator locks the account until an operator unlocks it. */
    @Transactional
    public CitizenAccount lock(String personalIdNumber, String operator, String reason) {
        CitizenAccount a = require(personalIdNumber);
        if (a.status == AccountStatus.LOCKED) {
            throw DomainException.conflict(
                    "account-already-locked",
                    "Account already locked",
                    "account " + personalIdNumber + " is already locked");
        }
        Instant now = now();
        a.status = AccountStatus.LOCKED;
        a.updatedAt = now;
        AccountAudit.record(personalIdNumber, "LOCKED", operator, reason, now);
        sessions.endAll(SubjectKind.CITIZEN, personalIdNumber);
        RecoveryCode.kill(personalIdNumber);
        events.lockedByOperator(a);
        Log.infof("account %s locked by %s", personalIdNumber, operator);
        return a;
    }

    /** An operator lifts an operator lock and any failed-login lock at once. */
    @Transactional
    public CitizenAccount unlock(String personalIdNumber, String operator, String reason) {
        CitizenAccount a = require(personalIdNumber);
        Instant now = now();
        boolean failedLoginLock = a.lockedUntil != null && a.lockedUntil.isAfter(now);
        if (a.status != AccountStatus.LOCKED && !failedLoginLock) {
            throw DomainException.conflict(
                    "account-not-locked", "Account not locked", "account " + personalIdNumber + " is not locked");
        }
        if (a.status == AccountStatus.LOCKED) {
            a.status = a.activatedAt != null ? AccountStatus.ACTIVE : AccountStatus.PENDING_ACTIVATION;
        }
        a.lockedUntil = null;
        a.failedLogins = 0;
        a.updatedAt = now;
        AccountAudit.record(personalIdNumber, "UNLOCKED", operator, reason, now);
        events.unlocked(a);
        Log.infof("account %s unlocked by %s", personalIdNumber, operator);
        return a;
    }

    /**
     * An operator issues a new temporary password, sent by SMS to the registered phone; the citizen must change it
     * at the next login. Failed-login locks are cleared; an operator lock stays. Returns the SMS request's id.
     */
    @Transactional
    public String resetCredential(String personalIdNumber, String operator, String reason) {
        CitizenAccount a = require(personalIdNumber);
        Instant now = now();
        String password = temporaryPasswords.issue(a, now);
        a.lockedUntil = null;
        a.failedLogins = 0;
        a.updatedAt = now;
        AccountAudit.record(personalIdNumber, "CREDENTIAL_RESET", operator, reason, now);
        sessions.endAll(SubjectKind.CITIZEN, personalIdNumber);
        RecoveryCode.kill(personalIdNumber);
        events.credentialReset(a);
        String phone = contacts.phone(a);
        String requestId = events.smsRequested(a, phone, SmsPurpose.CREDENTIAL_RESET, password)
                .toString();
        Log.infof(
                "credential of account %s reset by %s; SMS requested to %s",
                personalIdNumber, operator, Masking.phone(phone));
        return requestId;
    }

    private CitizenAccount require(String personalIdNumber) {
        CitizenAccount a = CitizenAccount.findById(personalIdNumber, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw AccountQueries.notFound(personalIdNumber);
        }
        return a;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
