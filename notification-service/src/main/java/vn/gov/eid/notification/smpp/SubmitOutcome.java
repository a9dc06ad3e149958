package vn.gov.eid.notification.smpp;

import vn.gov.eid.notification.domain.FailureCategory;

/**
 * What became of one submit_sm, as far as this side can know.
 */
public sealed interface SubmitOutcome {

    /** The SMSC accepted the message and gave it this id. */
    record Submitted(String smscMessageId) implements SubmitOutcome {}

    /** Not accepted, worth trying again later (throttled, queue full, no bind...). Nothing reached the SMSC or it refused. */
    record Transient(FailureCategory category, String reason) implements SubmitOutcome {}

    /** Refused for good (invalid destination, rejected...). */
    record Permanent(FailureCategory category, String reason) implements SubmitOutcome {}

    /**
     * The PDU left but no usable answer came (no response, connection lost, generic_nack): the SMSC may or may not
     * have the message. A one-time credential is resent; any other SMS is not (at most once).
     */
    record Uncertain(String reason) implements SubmitOutcome {}
}
