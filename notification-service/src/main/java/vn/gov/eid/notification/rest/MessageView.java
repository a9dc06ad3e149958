package vn.gov.eid.notification.rest;

import java.time.Instant;
import java.util.UUID;

import vn.gov.eid.notification.domain.SmsMessage;

/**
 * What an operator sees of one SMS: its fate, never its text.
 */
public record MessageView(UUID id, UUID requestId, String personalIdNumber, String purpose, String state,
                          String phoneMasked, String smscMessageId, int attempts, Integer segments, String encoding,
                          String lastError, Instant createdAt, Instant updatedAt, Instant submittedAt,
                          Instant finalAt) {

    static MessageView of(SmsMessage m) {
        // SENDING is internal: for an operator the message is still waiting for its submit.
        String state = m.state.name();
        return new MessageView(m.id, m.requestId, m.personalIdNumber, m.purpose.name(), state, m.phoneMasked,
                m.smscMessageId, m.attempts, m.segments, m.encoding, m.lastError, m.createdAt, m.updatedAt,
                m.submittedAt, m.finalAt);
    }
}
