package vn.gov.eid.notification.messaging.out;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.messaging.EventTypes;
import vn.gov.eid.platform.outbox.Outbox;

/**
 * Writes the events of one message to the outbox, in the caller's transaction: its status change, and the
 * dead-letter record when it failed or expired for good. Keyed by personal ID number, never the text.
 */
@ApplicationScoped
public class SmsEvents {

    @Inject
    Outbox outbox;

    @Inject
    SmsConfig config;

    /** The message's current state, with the reason of a failure (null otherwise). */
    public void statusChanged(SmsMessage m, String reason) {
        outbox.add(
                config.statusTopic(),
                m.personalIdNumber,
                EventTypes.SMS_STATUS_CHANGED,
                new SmsStatusChanged(
                        m.id,
                        m.requestId,
                        m.personalIdNumber,
                        m.purpose.name(),
                        m.state.name(),
                        m.phoneMasked,
                        m.smscMessageId,
                        m.attempts,
                        reason,
                        m.updatedAt));
    }

    /** A message that ended FAILED or EXPIRED, with the reason, on the dead-letter topic. */
    public void deadLettered(SmsMessage m, String reason, Instant at) {
        outbox.add(
                config.deadLetterTopic(),
                m.personalIdNumber,
                EventTypes.SMS_DEAD_LETTERED,
                new SmsDeadLettered(
                        m.id,
                        m.requestId,
                        m.personalIdNumber,
                        m.purpose.name(),
                        m.phoneMasked,
                        m.state.name(),
                        m.attempts,
                        reason,
                        at));
    }
}
