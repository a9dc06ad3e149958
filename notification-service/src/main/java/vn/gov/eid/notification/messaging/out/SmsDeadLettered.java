package vn.gov.eid.notification.messaging.out;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of a {@code vn.gov.eid.sms.dead-lettered.v1} record on notification.sms-requests.v1.dlq: a request that
 * failed for good, with the reason (the sealed secret is not repeated: it has been erased).
 */
public record SmsDeadLettered(
        UUID messageId,
        UUID requestId,
        String personalIdNumber,
        String purpose,
        String phoneMasked,
        String state,
        int attempts,
        String reason,
        Instant at) {}
