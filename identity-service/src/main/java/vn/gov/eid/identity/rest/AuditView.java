package vn.gov.eid.identity.rest;

import java.time.Instant;
import vn.gov.eid.identity.domain.AccountAudit;

/** One audit entry as operators see it. */
public record AuditView(String action, String actor, String reason, Instant at) {

    static AuditView of(AccountAudit e) {
        return new AuditView(e.action, e.actor, e.reason, e.at);
    }
}
