package vn.gov.eid.notification.service;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import vn.gov.eid.notification.config.SmsConfig;
import jakarta.persistence.LockModeType;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsRetry;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.domain.SmsText;
import vn.gov.eid.notification.messaging.out.SmsEvents;
import vn.gov.eid.notification.smpp.DeliveryReceiptReceived;
import vn.gov.eid.notification.smpp.SmppGateway;
import vn.gov.eid.notification.smpp.SubmitOutcome;
import vn.gov.eid.platform.crypto.Sealing;
import vn.gov.eid.platform.error.DomainException;

/**
 * The lifecycle of every SMS: accepts requests, claims and submits due messages, applies submit outcomes and
 * delivery receipts, retries transient failures with backoff, and publishes each state change.
 */
@ApplicationScoped
public class SmsService {

    @Inject
    SmsConfig config;

    @Inject
    SmsEvents events;

    @Inject
    ObjectMapper mapper;

    @Inject
    SmppGateway gateway;

    @Inject
    MeterRegistry metrics;

    @Inject
    Event<SmsQueued> queued;

    private PrivateKey privateKey;
    /** Receipts that overtook the commit of their SUBMITTED state; applied right after it. */
    private final Map<String, DeliveryReceiptReceived> earlyReceipts = new ConcurrentHashMap<>();
    private final Object receiptLock = new Object();

    @PostConstruct
    void init() {
        privateKey = Sealing.privateKey(config.privateKeyLocation());
    }

    /** Signals that a message waits to be sent (observed after the commit to dispatch at once). */
    public record SmsQueued(UUID messageId) {
    }

    /** Persists a new request as QUEUED in the caller's transaction; a request id already known is ignored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(NewSms request) {
        if (SmsMessage.count("requestId", request.requestId()) > 0) {
            Log.infof("SMS request %s already known; ignored", request.requestId());
            return;
        }
        Instant now = Instant.now();
        SmsMessage m = new SmsMessage();
        m.id = UUID.randomUUID();
        m.requestId = request.requestId();
        m.personalIdNumber = request.personalIdNumber();
        m.purpose = request.purpose();
        m.phoneMasked = request.phoneMasked();
        m.templateParams = json(request.templateParams());
        m.sealed = request.sealed();
        m.state = SmsState.QUEUED;
        m.nextAttemptAt = now;
        m.createdAt = now;
        m.queuedAt = now;
        m.updatedAt = now;
        m.persist();
        publish(m, null);
        queued.fire(new SmsQueued(m.id));
        Log.infof("SMS %s (%s) to %s queued", m.id, m.purpose, m.phoneMasked);
    }

    /** Ids of QUEUED messages whose next attempt is due. */
    @Transactional
    public List<UUID> due(int limit) {
        return SmsMessage.<SmsMessage>find("state = ?1 and nextAttemptAt <= ?2 order by createdAt",
                SmsState.QUEUED, Instant.now()).page(0, limit).list().stream().map(m -> m.id).toList();
    }

    /** What a submit needs, read when the message is claimed. */
    record Claim(UUID id, SmsMessage snapshot) {
    }

    /**
     * Sends one message: claims it (SENDING, committed before anything leaves), submits it outside any
     * transaction, then records the outcome.
     */
    public void send(UUID id) {
        Claim claim = QuarkusTransaction.requiringNew().call(() -> claim(id));
        if (claim == null) {
            return;
        }
        SmsMessage m = claim.snapshot();
        SubmitOutcome outcome;
        SmsText.Encoded encoded = null;
        try {
            SealedSms secret = Sealing.open(m.sealed, privateKey, SealedSms.class);
            if (secret.phoneNumber() == null || secret.phoneNumber().isBlank()) {
                throw new IllegalArgumentException("the sealed part carries no phone number");
            }
            Map<String, String> params = mapper.readValue(m.templateParams, new TypeReference<>() { });
            encoded = SmsText.encode(SmsText.render(m.purpose, m.personalIdNumber, params, secret.password()));
            outcome = gateway.submit(secret.phoneNumber(), encoded);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            outcome = new SubmitOutcome.Permanent("UNUSABLE_REQUEST: " + e.getMessage());
        }
        SmsText.Encoded sent = encoded;
        SubmitOutcome result = outcome;
        synchronized (receiptLock) {
            QuarkusTransaction.requiringNew().run(() -> apply(id, result, sent));
            if (result instanceof SubmitOutcome.Submitted s) {
                DeliveryReceiptReceived early = earlyReceipts.remove(s.smscMessageId());
                if (early != null) {
                    QuarkusTransaction.requiringNew().run(() -> applyReceipt(early));
                }
            }
        }
    }

    Claim claim(UUID id) {
        SmsMessage m = SmsMessage.findById(id);
        if (m == null || m.state != SmsState.QUEUED) {
            return null;
        }
        Instant now = Instant.now();
        if (Duration.between(m.queuedAt, now).compareTo(config.maxAge()) > 0) {
            finish(m, SmsState.EXPIRED, "NOT_SENT_IN_TIME: older than " + config.maxAge());
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
        copy.personalIdNumber = m.personalIdNumber;
        copy.templateParams = m.templateParams;
        copy.sealed = m.sealed;
        copy.phoneMasked = m.phoneMasked;
        return new Claim(id, copy);
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
            m.lastError = null;
            publish(m, null);
            metrics.counter("sms.submitted").increment();
            metrics.timer("sms.time.to.submit").record(Duration.between(m.createdAt, now));
            Log.infof("SMS %s to %s submitted, SMSC id %s, %s segment(s)", m.id, m.phoneMasked, m.smscMessageId,
                    m.segments);
        } else if (outcome instanceof SubmitOutcome.Transient t) {
            boolean tooOld = Duration.between(m.queuedAt, now).compareTo(config.maxAge()) > 0;
            if (m.attempts - m.attemptBase >= config.maxAttempts() || tooOld) {
                finish(m, SmsState.FAILED, "RETRIES_EXHAUSTED after " + m.attempts + " attempt(s): " + t.reason());
            } else {
                m.state = SmsState.QUEUED;
                m.lastError = truncate(t.reason());
                m.nextAttemptAt = now.plus(backoff(m.attempts - m.attemptBase));
                Log.infof("SMS %s to %s not accepted (%s); attempt %d, next at %s", m.id, m.phoneMasked,
                        t.reason(), m.attempts, m.nextAttemptAt);
            }
        } else if (outcome instanceof SubmitOutcome.Permanent p) {
            finish(m, SmsState.FAILED, p.reason());
        } else if (outcome instanceof SubmitOutcome.Uncertain u) {
            finish(m, SmsState.FAILED, "SUBMIT_OUTCOME_UNKNOWN (not resent): " + u.reason());
        }
    }

    /** Exponential backoff from the configured initial delay, capped, plus up to 50 % jitter. */
    Duration backoff(int attempts) {
        long base = config.backoffInitial().toMillis() << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(base, config.backoffMax().toMillis());
        return Duration.ofMillis(capped + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }

    /** Correlates a delivery receipt with its message by SMSC message id. */
    public void onReceipt(DeliveryReceiptReceived receipt) {
        synchronized (receiptLock) {
            boolean known = QuarkusTransaction.requiringNew().call(() -> applyReceipt(receipt));
            if (!known) {
                // The submit_sm_resp may not be committed yet; send() applies this right after its commit.
                earlyReceipts.put(receipt.smscMessageId(), receipt);
            }
        }
    }

    boolean applyReceipt(DeliveryReceiptReceived receipt) {
        SmsMessage m = SmsMessage.findBySmscId(receipt.smscMessageId());
        if (m == null) {
            return false;
        }
        if (m.state != SmsState.SUBMITTED) {
            return true;
        }
        Instant now = Instant.now();
        m.updatedAt = now;
        switch (receipt.stat()) {
            case "DELIVRD" -> {
                finish(m, SmsState.DELIVERED, null);
                metrics.timer("sms.time.to.delivery").record(Duration.between(m.createdAt, now));
            }
            case "EXPIRED" -> finish(m, SmsState.EXPIRED, "SMSC_EXPIRED: err " + receipt.error());
            case "ENROUTE", "ACCEPTD" -> {
                return true;
            }
            default -> finish(m, SmsState.FAILED, "SMSC_" + receipt.stat() + ": err " + receipt.error());
        }
        return true;
    }

    /**
     * Messages left SENDING by a previous process: the submit may or may not have reached the SMSC, so they are
     * failed for an operator to look at instead of being sent a second time.
     */
    @Transactional
    public int reconcileInterrupted() {
        List<SmsMessage> interrupted = SmsMessage.list("state", SmsState.SENDING);
        for (SmsMessage m : interrupted) {
            finish(m, SmsState.FAILED, "SUBMIT_INTERRUPTED: the service stopped during the submit; not resent");
        }
        return interrupted.size();
    }

    /**
     * Moves a message to a final state, publishes it and dead-letters failures. The ciphertext is erased at once,
     * except for a FAILED message that could still be sent: it keeps it for the retention of operator retries.
     */
    private void finish(SmsMessage m, SmsState state, String reason) {
        Instant now = Instant.now();
        m.state = state;
        boolean retryable = state == SmsState.FAILED && reason != null && !reason.startsWith("UNUSABLE_REQUEST");
        if (!retryable) {
            m.sealed = null;
        }
        m.finalAt = now;
        m.updatedAt = now;
        m.lastError = truncate(reason);
        publish(m, reason);
        if (state == SmsState.DELIVERED) {
            metrics.counter("sms.delivered").increment();
            Log.infof("SMS %s to %s delivered", m.id, m.phoneMasked);
            return;
        }
        String category = reason == null ? "UNKNOWN" : reason.split("[ :]", 2)[0];
        metrics.counter("sms.failed", "state", state.name(), "reason", category).increment();
        events.deadLettered(m, reason, now);
        Log.warnf("SMS %s to %s %s: %s", m.id, m.phoneMasked, state, reason);
    }

    /**
     * Erases the ciphertext of FAILED messages that failed before {@code now - eid.sms.failed-retention}. The row
     * lock taken by {@link #retry} makes a concurrent retry and purge see each other's result.
     */
    @Transactional
    public int purgeFailedSecrets(Instant now) {
        int erased = SmsMessage.update("sealed = null where state = ?1 and sealed is not null and finalAt < ?2",
                SmsState.FAILED, now.minus(config.failedRetention()));
        if (erased > 0) {
            Log.infof("ciphertext of %d FAILED SMS erased after the retry retention of %s", erased,
                    config.failedRetention());
        }
        return erased;
    }

    /** Reasons after which the citizen may already have the SMS although the message is FAILED. */
    public static boolean mayHaveBeenSent(String lastError) {
        return lastError != null
                && (lastError.startsWith("SUBMIT_OUTCOME_UNKNOWN") || lastError.startsWith("SUBMIT_INTERRUPTED"));
    }

    /** An accepted operator retry: the audit row and the message as re-queued. */
    public record Retried(SmsRetry audit, SmsMessage message) {
    }

    /**
     * Puts a FAILED message back to QUEUED for the dispatcher (attempts keep counting), audited with the operator
     * and the reason. Refused when the message is not FAILED, when its ciphertext is gone, and, when the citizen may
     * already have the SMS, unless the operator confirmed that risk.
     */
    @Transactional
    public Retried retry(UUID id, String operator, String reason, boolean confirmDuplicateRisk) {
        SmsMessage m = SmsMessage.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw DomainException.notFound("message-not-found", "Message not found", "no SMS with id " + id);
        }
        if (m.state != SmsState.FAILED) {
            throw DomainException.conflict("message-not-failed", "Only a FAILED message can be retried",
                    "the message is " + m.state + "; only FAILED messages can be retried").with("state", m.state.name());
        }
        if (m.sealed == null) {
            throw DomainException.conflict("secret-erased", "The message can no longer be sent",
                    "the encrypted content of this message was erased (retention of " + config.failedRetention()
                            + " passed, or it could not be opened); issue a credential reset for "
                            + m.personalIdNumber + " at identity-service, which sends a new SMS")
                    .with("personalIdNumber", m.personalIdNumber);
        }
        boolean risk = mayHaveBeenSent(m.lastError);
        if (risk && !confirmDuplicateRisk) {
            throw DomainException.conflict("duplicate-risk-unconfirmed", "The citizen may already have this SMS",
                    "the submit of this message may have reached the SMSC (" + m.lastError.split("[ :]", 2)[0]
                            + "): check with the SMSC, then retry with \"confirmDuplicateRisk\": true to accept that"
                            + " the citizen may receive it twice").with("lastError", m.lastError);
        }
        Instant now = Instant.now();
        SmsRetry audit = new SmsRetry();
        audit.id = UUID.randomUUID();
        audit.messageId = m.id;
        audit.operator = operator;
        audit.reason = reason;
        audit.previousError = m.lastError;
        audit.attemptsBefore = m.attempts;
        audit.duplicateRiskConfirmed = risk;
        audit.retriedAt = now;
        audit.persist();

        m.state = SmsState.QUEUED;
        m.attemptBase = m.attempts;
        m.queuedAt = now;
        m.nextAttemptAt = now;
        m.updatedAt = now;
        m.finalAt = null;
        m.lastError = null;
        m.smscMessageId = null;
        publish(m, null);
        metrics.counter("sms.operator.retries", "duplicateRisk", String.valueOf(risk)).increment();
        queued.fire(new SmsQueued(m.id));
        Log.infof("SMS %s to %s re-queued by operator %s (previous: %s)%s", m.id, m.phoneMasked, operator,
                audit.previousError, risk ? ", duplicate risk confirmed" : "");
        return new Retried(audit, m);
    }

    private void publish(SmsMessage m, String reason) {
        events.statusChanged(m, reason);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("template parameters are not serialisable", e);
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
    }
}
