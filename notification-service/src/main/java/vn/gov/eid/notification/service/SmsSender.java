package vn.gov.eid.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.notification.domain.FailureCategory;
import vn.gov.eid.notification.domain.RetryPolicy;
import vn.gov.eid.notification.domain.SmsAttempt;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.domain.SmsText;
import vn.gov.eid.notification.messaging.out.SmsEvents;
import vn.gov.eid.notification.smpp.SmppGateway;
import vn.gov.eid.notification.smpp.SubmitOutcome;
import vn.gov.eid.platform.instance.InstanceId;

/**
 * Dispatch of one message by this replica: claims it (QUEUED to SENDING under a lease, committed before anything
 * leaves), submits it outside any transaction, then records the outcome if the claim is still this replica's:
 * SUBMITTED, QUEUED again with backoff, or a final state.
 *
 * <p>Delivery guarantee by purpose: a one-time credential is tried until its validity ends, and a submit whose outcome
 * is unknown (connection lost, no response, generic_nack) counts as not sent and is resent, since a duplicate
 * identical SMS is harmless and a lost one sends the citizen back to the police office (Kannel and Jasmin requeue
 * too). Notices are sent at most once: an unknown outcome fails them for an operator.
 */
@ApplicationScoped
public class SmsSender {

    @Inject
    SmsConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    SmppGateway gateway;

    @Inject
    MeterRegistry metrics;

    @Inject
    SmsEvents events;

    @Inject
    FinalStates finals;

    @Inject
    DeliveryReceipts receipts;

    @Inject
    SealedSmsOpener opener;

    @Inject
    InstanceId instance;

    private RetryPolicy policy;

    /** Time kept between the last moment a submit may leave and the end of the claim (clock skew, commit time). */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(5);

    /** Pause between tries to record an outcome while the database refuses. */
    private static final Duration RECORD_RETRY = Duration.ofSeconds(1);

    /** What a submit needs, copied out of the claiming transaction. */
    record Claim(SmsMessage message, int attempt) {}

    @PostConstruct
    void init() {
        policy = new RetryPolicy(config.maxAttempts(), config.maxAge(), config.backoffInitial(), config.backoffMax());
        Duration longestSubmit = config.smpp().responseTimeout().multipliedBy(3);
        if (config.lease().compareTo(longestSubmit) <= 0) {
            throw new IllegalStateException("eid.sms.lease (" + config.lease() + ") must be longer than three response"
                    + " timeouts (a bind, the submit and margin): " + longestSubmit);
        }
    }

    /** Ids of QUEUED messages whose next attempt is due. */
    @Transactional
    public List<UUID> due(int limit) {
        return SmsMessage.<SmsMessage>find(
                        "state = ?1 and nextAttemptAt <= ?2 order by createdAt", SmsState.QUEUED, Instant.now())
                .page(0, limit)
                .list()
                .stream()
                .map(m -> m.id)
                .toList();
    }

    /** Sends one message if it is still QUEUED and this replica wins its claim: claim, submit, outcome. */
    public void send(UUID id) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(id));
        if (claim == null) {
            return;
        }
        SmsMessage m = claim.message();
        // the answer must be able to come back (a response timeout) while the claim is still this replica's
        Instant leaveBy = m.leaseUntil.minus(config.smpp().responseTimeout()).minus(LEASE_MARGIN);
        SubmitOutcome outcome;
        SmsText.Encoded encoded = null;
        try {
            SealedSms secret = opener.openStored(m.sealed, m.personalIdNumber, m.requestId);
            Map<String, String> params = mapper.readValue(m.templateParams, new TypeReference<>() {});
            encoded = SmsText.encode(SmsText.render(m.purpose, m.personalIdNumber, params, secret.credential()));
            outcome = gateway.submit(
                    secret.phoneNumber(), encoded, Duration.between(Instant.now(), m.validUntil), leaveBy);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            outcome = new SubmitOutcome.Permanent(
                    FailureCategory.UNUSABLE_REQUEST, "UNUSABLE_REQUEST: " + e.getMessage());
        }
        record(claim, outcome, encoded);
    }

    /**
     * Records the outcome; while the database refuses, tries again until the claim is about to lapse (a lost record
     * of an accepted submit would have another replica send the message again).
     */
    private void record(Claim claim, SubmitOutcome outcome, SmsText.Encoded encoded) {
        String smscId = outcome instanceof SubmitOutcome.Submitted s ? s.smscMessageId() : null;
        while (true) {
            try {
                receipts.recordingSubmit(smscId, () -> apply(claim, outcome, encoded));
                return;
            } catch (RuntimeException e) {
                if (Instant.now().plus(RECORD_RETRY).isAfter(claim.message().leaseUntil)) {
                    Log.errorf(
                            "SMS %s: the outcome of attempt %d (%s) could not be recorded (%s); the claim lapses and"
                                    + " another replica takes the message over",
                            claim.message().id,
                            claim.attempt(),
                            outcome.getClass().getSimpleName(),
                            e.toString());
                    return;
                }
                Log.warnf("SMS %s: recording the outcome failed (%s); trying again", claim.message().id, e.toString());
                try {
                    Thread.sleep(RECORD_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Claims a QUEUED message for this replica (SENDING, leased) under a row lock, so that of several replicas
     * exactly one wins, and starts the record of the attempt. A message whose time is up is EXPIRED instead. Returns a
     * detached copy of what the submit needs; null when there is nothing to send.
     */
    Claim claim(UUID id) {
        SmsMessage m = SmsMessage.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || m.state != SmsState.QUEUED) {
            return null;
        }
        Instant now = Instant.now();
        if (m.purpose.carriesPassword() && superseded(m)) {
            finals.finish(
                    m,
                    SmsState.EXPIRED,
                    FailureCategory.SUPERSEDED,
                    "SUPERSEDED: a newer credential or a phone change came for this citizen; this credential no longer works");
            return null;
        }
        if (outOfTime(m, now)) {
            finals.finish(
                    m,
                    SmsState.EXPIRED,
                    FailureCategory.NOT_SENT_IN_TIME,
                    "NOT_SENT_IN_TIME: "
                            + (m.purpose.carriesPassword()
                                    ? "the credential expired at " + m.validUntil
                                    : "older than " + config.maxAge() + " or past its validity"));
            return null;
        }
        m.state = SmsState.SENDING;
        m.leaseOwner = instance.get();
        m.leaseUntil = now.plus(config.lease());
        m.attempts++;
        m.updatedAt = now;
        SmsAttempt.start(m.id, m.attempts, instance.get(), now).persist();
        if (m.attempts > 1) {
            metrics.counter("sms.retries").increment();
        }
        SmsMessage copy = new SmsMessage();
        copy.id = m.id;
        copy.purpose = m.purpose;
        copy.requestId = m.requestId;
        copy.personalIdNumber = m.personalIdNumber;
        copy.templateParams = m.templateParams;
        copy.sealed = m.sealed;
        copy.phoneMasked = m.phoneMasked;
        copy.validUntil = m.validUntil;
        copy.leaseUntil = m.leaseUntil;
        return new Claim(copy, m.attempts);
    }

    /** Whether a newer SMS made this credential useless (a newer password or code, or a phone change). */
    private static boolean superseded(SmsMessage m) {
        return SmsMessage.count(
                        "personalIdNumber = ?1 and purpose in ?2 and createdAt > ?3",
                        m.personalIdNumber,
                        m.purpose.supersededBy(),
                        m.createdAt)
                > 0;
    }

    private boolean outOfTime(SmsMessage m, Instant now) {
        return !now.isBefore(m.validUntil) || (!m.purpose.carriesPassword() && policy.tooOld(m.queuedAt, now));
    }

    /**
     * Records the outcome of a submit in the caller's transaction, under the message's row lock. Changes the message
     * only while this replica still holds its claim; after a takeover (the lease lapsed) only the attempt is recorded,
     * and an accepted submit still counts if the message is waiting to be resent.
     */
    void apply(Claim claim, SubmitOutcome outcome, SmsText.Encoded encoded) {
        SmsMessage m = SmsMessage.findById(claim.message().id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now();
        SmsAttempt attempt = SmsAttempt.of(m.id, claim.attempt());
        boolean abandoned = attempt.outcome == SmsAttempt.Outcome.ABANDONED;
        endAttempt(attempt, outcome, now);
        boolean ours =
                m.state == SmsState.SENDING && instance.get().equals(m.leaseOwner) && m.attempts == claim.attempt();
        if (!ours) {
            Log.warnf(
                    "SMS %s: attempt %d ended (%s) after this replica's claim lapsed; the message is %s",
                    m.id, claim.attempt(), attempt.outcome, m.state);
            if (abandoned && !(outcome instanceof SubmitOutcome.Uncertain)) {
                // the takeover counted this attempt as of unknown outcome; now it is known
                m.uncertainAttempts = Math.max(0, m.uncertainAttempts - 1);
            }
            if (outcome instanceof SubmitOutcome.Submitted s && m.state == SmsState.QUEUED) {
                // taken over but not resent yet: the SMSC has it, so it need not go again
                submitted(m, s.smscMessageId(), encoded, now);
            }
            return;
        }
        m.leaseOwner = null;
        m.leaseUntil = null;
        m.updatedAt = now;
        if (outcome instanceof SubmitOutcome.Submitted s) {
            submitted(m, s.smscMessageId(), encoded, now);
        } else if (outcome instanceof SubmitOutcome.Transient t) {
            notAccepted(m, t, now);
        } else if (outcome instanceof SubmitOutcome.Permanent p) {
            Log.errorf("ALERT SMS %s (%s) to %s refused for good: %s", m.id, m.purpose, m.phoneMasked, p.reason());
            finals.finish(m, SmsState.FAILED, p.category(), p.reason());
        } else if (outcome instanceof SubmitOutcome.Uncertain u) {
            m.uncertainAttempts++;
            if (m.purpose.carriesPassword() && m.uncertainAttempts >= config.maxUncertainAttempts()) {
                tooManyUnknownOutcomes(m, u.reason());
            } else if (m.purpose.carriesPassword()) {
                requeueCredential(m, FailureCategory.SUBMIT_OUTCOME_UNKNOWN, u.reason(), now);
            } else {
                finals.finish(
                        m,
                        SmsState.FAILED,
                        FailureCategory.SUBMIT_OUTCOME_UNKNOWN,
                        "SUBMIT_OUTCOME_UNKNOWN (a notice is not resent): " + u.reason());
            }
        }
    }

    private void submitted(SmsMessage m, String smscMessageId, SmsText.Encoded encoded, Instant now) {
        m.state = SmsState.SUBMITTED;
        m.leaseOwner = null;
        m.leaseUntil = null;
        m.recordSmscId(smscMessageId);
        m.submittedAt = now;
        m.updatedAt = now;
        if (encoded != null) {
            m.segments = encoded.segments();
            m.encoding = encoded.encoding();
        }
        m.clearFailure();
        events.statusChanged(m, null);
        metrics.counter("sms.submitted").increment();
        metrics.timer("sms.time.to.submit").record(Duration.between(m.createdAt, now));
        if (m.uncertainAttempts > 0) {
            metrics.counter("sms.possible.duplicates").increment();
        }
        Log.infof(
                "SMS %s to %s submitted, SMSC id %s, %s segment(s)%s",
                m.id,
                m.phoneMasked,
                m.smscMessageId,
                m.segments,
                m.uncertainAttempts > 0
                        ? ", possibly a duplicate (" + m.uncertainAttempts + " unknown outcome(s))"
                        : "");
        receipts.applyHeld(m);
    }

    /**
     * Stops resending a credential whose submits keep ending without an answer: FAILED, ciphertext kept, for an
     * operator who checks with the SMSC before a retry.
     */
    void tooManyUnknownOutcomes(SmsMessage m, String last) {
        Log.errorf(
                "ALERT SMS %s (%s) to %s: %d submits without an answer; not resent again",
                m.id, m.purpose, m.phoneMasked, m.uncertainAttempts);
        finals.finish(
                m,
                SmsState.FAILED,
                FailureCategory.TOO_MANY_UNKNOWN_OUTCOMES,
                "TOO_MANY_UNKNOWN_OUTCOMES: " + m.uncertainAttempts + " submits of unknown outcome; last: " + last);
    }

    private void notAccepted(SmsMessage m, SubmitOutcome.Transient t, Instant now) {
        if (m.purpose.carriesPassword()) {
            requeueCredential(m, t.category(), t.reason(), now);
            return;
        }
        int attempts = m.attempts - m.attemptBase;
        if (policy.exhausted(attempts) || outOfTime(m, now)) {
            finals.finish(
                    m,
                    SmsState.FAILED,
                    FailureCategory.RETRIES_EXHAUSTED,
                    "RETRIES_EXHAUSTED after " + m.attempts + " attempt(s): " + t.reason());
            return;
        }
        requeue(m, t.category(), t.reason(), now);
    }

    /** A credential goes again until its validity ends, however many attempts that takes. */
    private void requeueCredential(SmsMessage m, FailureCategory category, String reason, Instant now) {
        if (!now.isBefore(m.validUntil)) {
            finals.finish(
                    m,
                    SmsState.EXPIRED,
                    FailureCategory.NOT_SENT_IN_TIME,
                    "NOT_SENT_IN_TIME: the credential expired at " + m.validUntil + "; last: " + reason);
            return;
        }
        requeue(m, category, reason + (category.mayHaveBeenSent() ? "; resending" : ""), now);
    }

    private void requeue(SmsMessage m, FailureCategory category, String reason, Instant now) {
        m.state = SmsState.QUEUED;
        m.recordFailure(category, reason);
        m.nextAttemptAt = now.plus(policy.backoff(m.attempts - m.attemptBase, ThreadLocalRandom.current()));
        Log.infof(
                "SMS %s to %s not sent (%s); attempt %d, next at %s",
                m.id, m.phoneMasked, reason, m.attempts, m.nextAttemptAt);
    }

    private static void endAttempt(SmsAttempt attempt, SubmitOutcome outcome, Instant now) {
        if (outcome instanceof SubmitOutcome.Submitted s) {
            attempt.end(SmsAttempt.Outcome.SUBMITTED, null, s.smscMessageId(), now);
        } else if (outcome instanceof SubmitOutcome.Transient t) {
            attempt.end(SmsAttempt.Outcome.NOT_ACCEPTED, t.reason(), null, now);
        } else if (outcome instanceof SubmitOutcome.Permanent p) {
            attempt.end(SmsAttempt.Outcome.REFUSED, p.reason(), null, now);
        } else if (outcome instanceof SubmitOutcome.Uncertain u) {
            attempt.end(SmsAttempt.Outcome.UNKNOWN, u.reason(), null, now);
        }
    }
}
