package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.domain.AccountAudit;
import vn.gov.eid.identity.domain.AccountStatus;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.identity.domain.RecoveryCode;
import vn.gov.eid.identity.messaging.out.AccountEvents;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;
import vn.gov.eid.platform.privacy.Masking;

/**
 * Activation and recovery by a one-time SMS code (docs/adr/0006): sends a code when an ID number and phone number
 * match an account, and sets a new password with a right code. One live code per account, stored as its keyed hash;
 * a few tries; a few codes per account and per phone number in a rolling window, counted in PostgreSQL so every
 * replica sees the same.
 */
@ApplicationScoped
public class RecoveryCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    IdentityConfig config;

    @Inject
    RecoveryKey key;

    @Inject
    AccountContacts contacts;

    @Inject
    AccountEvents events;

    @Inject
    FailedLogins failedLogins;

    @Inject
    PasswordChangeService passwords;

    @Inject
    PasswordPolicy policy;

    @Inject
    EntityManager em;

    /** What became of a code request; only logs and tests see it, never the caller. */
    public enum Outcome {
        SENT,
        NO_MATCH,
        LOCKED,
        LIMIT_REACHED
    }

    /**
     * Sends a new code (replacing any live one) when the pair names an account whose registered phone is that
     * number, the account is not locked, and neither it nor the number has had max-codes codes within the window.
     */
    @Transactional
    public Outcome send(String personalIdNumber, String phone) {
        Instant now = now();
        CitizenAccount a = CitizenAccount.findById(personalIdNumber, LockModeType.PESSIMISTIC_WRITE);
        // the phone's key is computed in every case, so a miss costs what a match costs up to here
        String phoneKey = key.phoneKey(phone);
        if (a == null || !phone.equals(contacts.phone(a))) {
            // debug only: a flood of guesses must not flood the log
            Log.debugf("recovery code requested for %s: no account with that phone number", Masking.phone(phone));
            return Outcome.NO_MATCH;
        }
        if (a.status == AccountStatus.LOCKED || (a.lockedUntil != null && now.isBefore(a.lockedUntil))) {
            Log.infof("recovery code requested for locked account %s: none sent", a.personalIdNumber);
            return Outcome.LOCKED;
        }
        if (failuresSince(a.personalIdNumber, now) >= config.recovery().maxFailures()) {
            Log.infof(
                    "recovery code requested for account %s: %d wrong codes within %s, none sent",
                    a.personalIdNumber,
                    config.recovery().maxFailures(),
                    config.recovery().failureWindow());
            return Outcome.LIMIT_REACHED;
        }
        // one replica at a time counts and adds the codes of this number (the account's are under its row lock)
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 6))")
                .setParameter(1, phoneKey)
                .getSingleResult();
        Instant windowStart = now.minus(config.recovery().codeWindow());
        if (sentSince("personal_id_number", a.personalIdNumber, windowStart)
                        >= config.recovery().maxCodes()
                || sentSince("phone_key", phoneKey, windowStart)
                        >= config.recovery().maxCodes()) {
            Log.infof(
                    "recovery code requested for account %s: %d codes within %s already, none sent",
                    a.personalIdNumber,
                    config.recovery().maxCodes(),
                    config.recovery().codeWindow());
            return Outcome.LIMIT_REACHED;
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        RecoveryCode.kill(a.personalIdNumber);
        em.flush();
        RecoveryCode c = new RecoveryCode();
        c.personalIdNumber = a.personalIdNumber;
        c.codeHash = key.codeHash(a.personalIdNumber, code);
        c.tries = 0;
        c.validUntil = now.plus(config.recovery().codeValidity());
        c.createdAt = now;
        c.persist();
        em.createNativeQuery(
                        "insert into recovery_code_sent (personal_id_number, phone_key, sent_at) values (?1, ?2, ?3)")
                .setParameter(1, a.personalIdNumber)
                .setParameter(2, phoneKey)
                .setParameter(3, now)
                .executeUpdate();
        AccountAudit.record(a.personalIdNumber, "RECOVERY_CODE_SENT", a.personalIdNumber, null, now);
        events.recoveryCodeRequested(a, phone, code, c.validUntil);
        Log.infof("recovery code of account %s requested by SMS to %s", a.personalIdNumber, Masking.phone(phone));
        return Outcome.SENT;
    }

    /**
     * Sets a new password with the account's live code: the password must meet the policy; the account becomes
     * ACTIVE, the temporary password and the code die, and account-activated (a pending account) or
     * credential-changed is published. A wrong or dead code is refused without saying which and counts as a failed
     * login (which may lock the account); the refusal commits.
     */
    @Transactional(dontRollbackOn = DomainException.class)
    public void confirm(String personalIdNumber, String code, String newPassword) {
        Instant now = now();
        CitizenAccount a = CitizenAccount.findById(personalIdNumber, LockModeType.PESSIMISTIC_WRITE);
        RecoveryCode live = a == null ? null : RecoveryCode.findById(personalIdNumber);
        // the hash is computed whether or not there is anything to compare it with
        boolean matches = key.matches(live == null ? new byte[32] : live.codeHash, personalIdNumber, code);
        if (a == null) {
            throw RecoveryRefused.invalidCode();
        }
        // a locked account is refused like a wrong code: the answer must not tell that the account exists, or its state
        if (a.status == AccountStatus.LOCKED || (a.lockedUntil != null && now.isBefore(a.lockedUntil))) {
            throw RecoveryRefused.invalidCode();
        }
        boolean exhausted =
                failuresSince(a.personalIdNumber, now) >= config.recovery().maxFailures();
        if (live == null
                || exhausted
                || !now.isBefore(live.validUntil)
                || live.tries >= config.recovery().maxTries()
                || !matches) {
            if (live != null && (++live.tries >= config.recovery().maxTries() || exhausted)) {
                live.delete();
            }
            em.createNativeQuery("insert into recovery_code_failure (personal_id_number, failed_at) values (?1, ?2)")
                    .setParameter(1, a.personalIdNumber)
                    .setParameter(2, now)
                    .executeUpdate();
            try {
                failedLogins.record(a, now);
            } catch (LoginRefused locked) {
                // this wrong code locked the account: recorded, and answered like any wrong code
            }
            throw RecoveryRefused.invalidCode();
        }
        List<Violation> violations = PasswordChangeService.violations(policy, a.personalIdNumber, null, newPassword);
        if (!violations.isEmpty()) {
            // the code stays live: the citizen may try again with a password that meets the rules
            throw DomainException.violations(violations);
        }
        a.failedLogins = 0;
        a.lockedUntil = null;
        live.delete();
        if (!passwords.setOwnPassword(a, newPassword, "PASSWORD_SET_WITH_CODE", now)) {
            events.credentialChanged(a);
        }
        Log.infof("account %s: password set with a recovery code", a.personalIdNumber);
    }

    /** Removes expired codes and the records of codes sent before the window: nothing stays longer than needed. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void removeExpired() {
        Instant now = now();
        long codes = RecoveryCode.delete("validUntil < ?1", now);
        int sent = em.createNativeQuery("delete from recovery_code_sent where sent_at < ?1")
                .setParameter(1, now.minus(config.recovery().codeWindow()))
                .executeUpdate();
        sent += em.createNativeQuery("delete from recovery_code_failure where failed_at < ?1")
                .setParameter(1, now.minus(config.recovery().failureWindow()))
                .executeUpdate();
        if (codes + sent > 0) {
            Log.debugf("recovery codes: %d expired code(s) and %d old sending record(s) removed", codes, sent);
        }
    }

    private long failuresSince(String personalIdNumber, Instant now) {
        return ((Number) em.createNativeQuery("select count(*) from recovery_code_failure where personal_id_number = ?1"
                                + " and failed_at >= ?2")
                        .setParameter(1, personalIdNumber)
                        .setParameter(2, now.minus(config.recovery().failureWindow()))
                        .getSingleResult())
                .longValue();
    }

    private long sentSince(String column, String value, Instant since) {
        return ((Number) em.createNativeQuery(
                                "select count(*) from recovery_code_sent where " + column + " = ?1 and sent_at >= ?2")
                        .setParameter(1, value)
                        .setParameter(2, since)
                        .getSingleResult())
                .longValue();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
