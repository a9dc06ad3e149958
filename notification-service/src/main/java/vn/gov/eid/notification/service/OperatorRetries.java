package vn.gov.eid.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsRetry;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.messaging.out.SmsEvents;
import vn.gov.eid.platform.error.DomainException;

/**
 * Operator retry: puts a FAILED message that still has its ciphertext back to QUEUED, audited.
 */
@ApplicationScoped
public class OperatorRetries {

    @Inject
    SmsConfig config;

    @Inject
    SmsEvents events;

    @Inject
    MeterRegistry metrics;

    @Inject
    Event<SmsQueued> queued;

    /** An accepted operator retry: the audit row and the message as re-queued. */
    public record Retried(SmsRetry audit, SmsMessage message) {}

    /**
     * Puts a FAILED message back to QUEUED for the dispatcher (attempts keep counting), audited with the operator
     * and the reason. Refused when the message is not FAILED, when its ciphertext is gone, and, when the citizen may
     * already have the SMS, unless the operator confirmed that risk. The row lock makes simultaneous retries (and
     * the purge) of one message see each other's result.
     */
    @Transactional
    public Retried retry(UUID id, String operator, String reason, boolean confirmDuplicateRisk) {
        SmsMessage m = SmsMessage.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw DomainException.notFound("message-not-found", "Message not found", "no SMS with id " + id);
        }
        if (m.state != SmsState.FAILED) {
            throw DomainException.conflict(
                            "message-not-failed",
                            "Only a FAILED message can be retried",
                            "the message is " + m.state + "; only FAILED messages can be retried")
                    .with("state", m.state.name());
        }
        if (m.sealed == null) {
            throw DomainException.conflict(
                            "secret-erased",
                            "The message can no longer be sent",
                            "the encrypted content of this message was erased (retention of " + config.failedRetention()
                                    + " passed, or it could not be opened); issue a credential reset for "
                                    + m.personalIdNumber + " at identity-service, which sends a new SMS")
                    .with("personalIdNumber", m.personalIdNumber);
        }
        Instant now = Instant.now();
        if (m.purpose.carriesPassword() && !now.isBefore(m.validUntil)) {
            throw DomainException.conflict(
                            "credential-expired",
                            "The password in this message has expired",
                            "the temporary password in this message expired at " + m.validUntil + "; issue a"
                                    + " credential reset for " + m.personalIdNumber + " at identity-service, which"
                                    + " sends a new SMS")
                    .with("personalIdNumber", m.personalIdNumber);
        }
        boolean risk = m.failureCategory != null && m.failureCategory.mayHaveBeenSent();
        if (risk && !confirmDuplicateRisk) {
            throw DomainException.conflict(
                            "duplicate-risk-unconfirmed",
                            "The citizen may already have this SMS",
                            "the submit of this message may have reached the SMSC (" + m.failureCategory
                                    + "): check with the SMSC, then retry with \"confirmDuplicateRisk\": true to accept that"
                                    + " the citizen may receive it twice")
                    .with("lastError", m.lastError);
        }
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
        if (!m.purpose.carriesPassword()) {
            // a notice is worth a full validity from the retry; a credential stays bound to its password's expiry
            m.validUntil = now.plus(config.validityPeriod());
        }
        m.uncertainAttempts = 0;
        m.updatedAt = now;
        m.finalAt = null;
        m.clearFailure();
        m.recordSmscId(null);
        events.statusChanged(m, null);
        metrics.counter("sms.operator.retries", "duplicateRisk", String.valueOf(risk))
                .increment();
        queued.fire(new SmsQueued(m.id));
        Log.infof(
                "SMS %s to %s re-queued by operator %s (previous: %s)%s",
                m.id, m.phoneMasked, operator, audit.previousError, risk ? ", duplicate risk confirmed" : "");
        return new Retried(audit, m);
    }
}
