package vn.gov.eid.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.notification.domain.FailureCategory;
import vn.gov.eid.notification.domain.SmsAttempt;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;

/**
 * Takes over the claims of replicas that died or hung: a SENDING message whose lease has passed may or may not have
 * reached the SMSC. A one-time credential is QUEUED again (resent, a possible duplicate); a notice is FAILED for an
 * operator (at most once). Runs on every replica; rows another replica is handling are skipped, and a lease that is
 * still running, whoever holds it, is never touched.
 */
@ApplicationScoped
public class LeaseTakeover {

    @Inject
    EntityManager em;

    @Inject
    FinalStates finals;

    @Inject
    MeterRegistry metrics;

    @Inject
    SmsDispatcher dispatcher;

    @Inject
    SmsSender sender;

    @Inject
    SmsConfig config;

    @Scheduled(every = "${eid.sms.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int resent = QuarkusTransaction.requiringNew().call(this::takeOverLapsed);
        if (resent > 0) {
            dispatcher.wake();
        }
    }

    /** Takes over up to 100 lapsed claims in one transaction; returns how many went back to QUEUED. */
    public int takeOverLapsed() {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(
                        "select id from sms_message where state = 'SENDING' and (lease_until < ?1 or lease_until is null)"
                                + " order by lease_until limit 100 for update skip locked",
                        UUID.class)
                .setParameter(1, now)
                .getResultList();
        int resent = 0;
        for (UUID id : ids) {
            SmsMessage m = SmsMessage.findById(id);
            SmsAttempt attempt = SmsAttempt.of(m.id, m.attempts);
            if (attempt != null && attempt.outcome == null) {
                attempt.end(SmsAttempt.Outcome.ABANDONED, "claim of " + m.leaseOwner + " lapsed", null, now);
            }
            String reason = "SUBMIT_INTERRUPTED: the claim of " + m.leaseOwner + " lapsed during the submit";
            m.uncertainAttempts++;
            m.leaseOwner = null;
            m.leaseUntil = null;
            m.updatedAt = now;
            metrics.counter("sms.leases.taken.over").increment();
            if (m.purpose.carriesPassword() && m.uncertainAttempts >= config.maxUncertainAttempts()) {
                sender.tooManyUnknownOutcomes(m, reason);
            } else if (m.purpose.carriesPassword() && now.isBefore(m.validUntil)) {
                m.state = SmsState.QUEUED;
                m.nextAttemptAt = now;
                m.recordFailure(FailureCategory.SUBMIT_INTERRUPTED, reason + "; resending");
                resent++;
                Log.warnf("SMS %s to %s: %s; resending (possible duplicate)", m.id, m.phoneMasked, reason);
            } else if (m.purpose.carriesPassword()) {
                finals.finish(
                        m,
                        SmsState.EXPIRED,
                        FailureCategory.NOT_SENT_IN_TIME,
                        "NOT_SENT_IN_TIME: the credential expired at " + m.validUntil + "; last: " + reason);
            } else {
                finals.finish(m, SmsState.FAILED, FailureCategory.SUBMIT_INTERRUPTED, reason + "; not resent");
            }
        }
        return resent;
    }
}
