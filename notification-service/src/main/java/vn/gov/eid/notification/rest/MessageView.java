package vn.gov.eid.notification.rest;

import java.time.Instant;
import java.util.UUID;
import vn.gov.eid.notification.domain.SmsMessage;

/**
 * What an operator sees of one SMS: its fate, never its text. {@code uncertainAttempts} counts submits whose outcome
 * stayed unknown (each may have reached the handset); {@code possibleDuplicate} says the citizen may have it twice;
 * {@code leaseOwner} names the replica sending it now (SENDING only).
 */
public record MessageView(
        UUID id,
        UUID requestId,
        String personalIdNumber,
        String purpose,
        String state,
        String phoneMasked,
        String smscMessageId,
        int attempts,
        int uncertainAttempts,
        boolean possibleDuplicate,
        String leaseOwner,
        Instant validUntil,
        Integer segments,
        String encoding,
        String lastError,
        String failureCategory,
        Instant createdAt,
        Instant updatedAt,
        Instant submittedAt,
        Instant finalAt) {

    static MessageView of(SmsMessage m) {
        // The stored state as it is, SENDING included (claimed, its submit under way): unlike the status events,
        // which never carry SENDING, the operator sees it.
        return new MessageView(
                m.id,
                m.requestId,
                m.personalIdNumber,
                m.purpose.name(),
                m.state.name(),
                m.phoneMasked,
                m.smscMessageId,
                m.attempts,
                m.uncertainAttempts,
                m.possibleDuplicate(),
                m.leaseOwner,
                m.validUntil,
                m.segments,
                m.encoding,
                m.lastError,
                m.failureCategory == null ? null : m.failureCategory.name(),
                m.createdAt,
                m.updatedAt,
                m.submittedAt,
                m.finalAt);
    }
}
