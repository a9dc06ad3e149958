package vn.gov.eid.notification.rest;

import java.time.Instant;
import vn.gov.eid.notification.domain.SmsAttempt;

/** One submit attempt of an SMS as operators see it: which replica, when, what came of it (never the text). */
public record AttemptView(
        int attempt,
        String instance,
        Instant startedAt,
        Instant endedAt,
        String outcome,
        String detail,
        String smscMessageId) {

    static AttemptView of(SmsAttempt a) {
        return new AttemptView(
                a.key.attempt,
                a.instance,
                a.startedAt,
                a.endedAt,
                a.outcome == null ? null : a.outcome.name(),
                a.detail,
                a.smscMessageId);
    }
}
