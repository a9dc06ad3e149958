package vn.gov.eid.notification.rest;

import java.time.Instant;
import java.util.UUID;
import vn.gov.eid.notification.service.OperatorRetries;

/**
 * Answer to an accepted operator retry: the audit entry and the message as re-queued.
 */
public record RetryView(
        UUID retryId,
        UUID messageId,
        String state,
        int attempts,
        String previousError,
        String operator,
        String reason,
        boolean duplicateRiskConfirmed,
        Instant retriedAt) {

    static RetryView of(OperatorRetries.Retried r) {
        return new RetryView(
                r.audit().id,
                r.message().id,
                r.message().state.name(),
                r.message().attempts,
                r.audit().previousError,
                r.audit().operator,
                r.audit().reason,
                r.audit().duplicateRiskConfirmed,
                r.audit().retriedAt);
    }
}
