package vn.gov.eid.notification.messaging.out;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of a {@code vn.gov.eid.sms.status-changed.v1} event: the fate of one SMS, without its text.
 */
public record SmsStatusChanged(
        UUID messageId,
        UUID requestId,
        String personalIdNumber,
        String purpose,
        String state,
        String phoneMasked,
        String smscMessageId,
        int attempts,
        String reason,
        Instant at) {}
