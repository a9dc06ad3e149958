package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.domain.AccountAudit;
import vn.gov.eid.identity.domain.AccountStatus;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.identity.messaging.out.AccountEvents;

/** Counts a citizen's failed logins in a row, locks the account after too many and refuses a locked account. */
@ApplicationScoped
public class FailedLogins {

    @Inject
    IdentityConfig config;

    @Inject
    AccountEvents events;

    /** Refuses an account locked by an operator or, until the lock ends, by failed logins. */
    public void refuseIfLocked(CitizenAccount account, Instant now) {
        if (account.status == AccountStatus.LOCKED) {
            throw LoginRefused.lockedByOperator();
        }
        if (account.lockedUntil != null && now.isBefore(account.lockedUntil)) {
            throw LoginRefused.lockedUntil(account.lockedUntil);
        }
    }

    /**
     * Counts one failed attempt; the attempt that reaches the limit locks the account (audited, account-locked
     * event) and is refused as locked instead of as a wrong password.
     */
    public void record(CitizenAccount account, Instant now) {
        account.failedLogins++;
        account.updatedAt = now;
        if (account.failedLogins >= config.lockout().maxFailures()) {
            account.failedLogins = 0;
            account.lockedUntil = now.plus(config.lockout().duration());
            AccountAudit.record(
                    account.personalIdNumber,
                    "LOCKED_FAILED_LOGINS",
                    "system",
                    config.lockout().maxFailures() + " failed logins in a row",
                    now);
            events.lockedAfterFailures(account);
            Log.infof(
                    "account %s locked until %s after %d failed logins",
                    account.personalIdNumber,
                    account.lockedUntil,
                    config.lockout().maxFailures());
            throw LoginRefused.lockedUntil(account.lockedUntil);
        }
    }
}
