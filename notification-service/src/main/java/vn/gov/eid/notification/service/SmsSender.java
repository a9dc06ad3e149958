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
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.domain.SmsText;
import vn.gov.eid.notification.messaging.out.SmsEvents;
import vn.gov.eid.notification.smpp.SmppGateway;
import vn.gov.eid.notification.smpp.SubmitOutcome;

/**
 * Dispatch of one message: claims it (SENDING, committed before anything leaves), submits it outside any
 * transaction, then records the outcome: SUBMITTED, QUEUED again with backoff, or a final state.
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

    private RetryPolicy policy;

    @PostConstruct
    void init() {
        policy = new RetryPolicy(config.maxAttempts(), config.maxAge(), config.backoffInitial(), config.backoffMax());
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

    /** Sends one message if it is still QUEUED: claim, submit, outcome. */
    public void send(UUID id) {
        SmsMessage m = QuarkusTransaction.requiringNew().call(() -> claim(id));
        if (m == null) {
            return;
        }
        SubmitOutcome outcome;
        SmsText.Encoded encoded = null;
        try {
            SealedSms secret = opener.openStored(m.sealed, m.personalIdNumber, m.requestId);
            Map<String, String> params = mapper.readValue(m.templateParams, new TypeReference<>() {});
            encoded = SmsText.encode(SmsText.render(m.purpose, m.personalIdNumber, params, secret.password()));
            outcome = gateway.submit(secret.phoneNumber(), encoded);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            outcome = new SubmitOutcome.Permanent(
                    FailureCategory.UNUSABLE_REQUEST, "UNUSABLE_REQUEST: " + e.getMessage());
        }
        SmsText.Encoded sent = encoded;
        SubmitOutcome result = outcome;
        receipts.commitOutcome(
                () -> QuarkusTransaction.requiringNew().run(() -> apply(id, result, sent)),
                result instanceof SubmitOutcome.Submitted s ? s.smscMessageId() : null);
    }

    /**
     * Marks a QUEUED message SENDING (a message past its maximum age EXPIRED instead) and returns a detached copy
     * of what the submit needs; null when there is nothing to send.
     */
    SmsMessage claim(UUID id) {
        SmsMessage m = SmsMessage.findById(id);
        if (m == null || m.state != SmsState.QUEUED) {
            return null;
        }
        Instant now = Instant.now();
        if (policy.tooOld(m.queuedAt, now)) {
            finals.finish(
                    m,
                    SmsState.EXPIRED,
                    FailureCategory.NOT_SENT_IN_TIME,
                    "NOT_SENT_IN_TIME: older than " + config.maxAge());
            return null;
        }
        m.state = SmsState.SENDING;
        m.attempts++;
        m.updatedAt = now;
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
        return copy;
    }

    void apply(UUID id, SubmitOutcome outcome, SmsText.Encoded encoded) {
        SmsMessage m = SmsMessage.findById(id);
        Instant now = Instant.now();
        m.updatedAt = now;
        if (encoded != null) {
            m.segments = encoded.segments();
            m.encoding = encoded.encoding();
        }
        if (outcome instanceof SubmitOutcome.Submitted s) {
            m.state = SmsState.SUBMITTED;
            m.smscMessageId = s.smscMessageId();
            m.submittedAt = now;
            m.clearFailure();
            events.statusChanged(m, null);
            metrics.counter("sms.submitted").increment();
            metrics.timer("sms.time.to.submit").record(Duration.between(m.createdAt, now));
            Log.infof(
                    "SMS %s to %s submitted, SMSC id %s, %s segment(s)",
                    m.id, m.phoneMasked, m.smscMessageId, m.segments);
        } else if (outcome instanceof SubmitOutcome.Transient t) {
            int attempts = m.attempts - m.attemptBase;
            if (policy.exhausted(attempts) || policy.tooOld(m.queuedAt, now)) {
                finals.finish(
                        m,
                        SmsState.FAILED,
                        FailureCategory.RETRIES_EXHAUSTED,
                        "RETRIES_EXHAUSTED after " + m.attempts + " attempt(s): " + t.reason());
            } else {
                m.state = SmsState.QUEUED;
                m.recordFailure(t.category(), t.reason());
                m.nextAttemptAt = now.plus(policy.backoff(attempts, ThreadLocalRandom.current()));
                Log.infof(
                        "SMS %s to %s not accepted (%s); attempt %d, next at %s",
                        m.id, m.phoneMasked, t.reason(), m.attempts, m.nextAttemptAt);
            }
        } else if (outcome instanceof SubmitOutcome.Permanent p) {
            finals.finish(m, SmsState.FAILED, p.category(), p.reason());
        } else if (outcome instanceof SubmitOutcome.Uncertain u) {
            finals.finish(
                    m,
                    SmsState.FAILED,
                    FailureCategory.SUBMIT_OUTCOME_UNKNOWN,
                    "SUBMIT_OUTCOME_UNKNOWN (not resent): " + u.reason());
        }
    }

    /**
     * Messages left SENDING by a previous process: the submit may or may not have reached the SMSC, so they are
     * failed for an operator to look at instead of being sent a second time.
     */
    @Transactional
    public int reconcileInterrupted() {
        List<SmsMessage> interrupted = SmsMessage.list("state", SmsState.SENDING);
        for (SmsMessage m : interrupted) {
            finals.finish(
                    m,
                    SmsState.FAILED,
                    FailureCategory.SUBMIT_INTERRUPTED,
                    "SUBMIT_INTERRUPTED: the service stopped during the submit; not resent");
        }
        return interrupted.size();
    }
}
