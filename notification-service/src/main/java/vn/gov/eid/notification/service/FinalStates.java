package vn.gov.eid.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import vn.gov.eid.notification.domain.FailureCategory;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.messaging.out.SmsEvents;

/**
 * Ends a message: its final state, the ciphertext erased or kept, the status event, and for a failure the
 * dead-letter record.
 */
@ApplicationScoped
public class FinalStates {

    @Inject
    SmsEvents events;

    @Inject
    MeterRegistry metrics;

    /**
     * Moves a message to a final state, publishes it and dead-letters failures, in the caller's transaction. The
     * ciphertext is erased at once, except for a FAILED message that could still be sent: it keeps it for the
     * retention of operator retries. {@code category} and {@code reason} are null for DELIVERED only.
     */
    void finish(SmsMessage m, SmsState state, FailureCategory category, String reason) {
        Instant now = Instant.now();
        m.state = state;
        boolean retryable = state == SmsState.FAILED && category != null && category.keepsCiphertext();
        if (!retryable) {
            m.sealed = null;
        }
        m.finalAt = now;
        m.updatedAt = now;
        m.recordFailure(category, reason);
        events.statusChanged(m, reason);
        if (state == SmsState.DELIVERED) {
            metrics.counter("sms.delivered").increment();
            Log.infof("SMS %s to %s delivered", m.id, m.phoneMasked);
            return;
        }
        metrics.counter("sms.failed", "state", state.name(), "reason", category == null ? "UNKNOWN" : category.name())
                .increment();
        events.deadLettered(m, reason, now);
        Log.warnf("SMS %s to %s %s: %s", m.id, m.phoneMasked, state, reason);
    }
}
