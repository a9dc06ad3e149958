package vn.gov.eid.notification.domain;

/**
 * Why a message is not delivered (yet), stored with every {@code lastError} so that decisions never parse that
 * text. The name is also how the text starts and the {@code reason} tag of the sms.failed metric.
 */
public enum FailureCategory {

    // Transient refusals of a submit: the message stays QUEUED for another attempt.

    /** No bound SMPP session when the submit was due. */
    NO_BIND,
    /** The SMSC throttled the submit (0x58). */
    THROTTLED,
    /** The SMSC's message queue was full (0x14). */
    QUEUE_FULL,
    /** A passing SMSC-side error (system error, application error). */
    SMSC_ERROR,
    /** Not sent: binding or the rate cap took so long that this replica's claim could lapse before the answer. */
    CLAIM_RUNNING_OUT,

    // Final: FAILED, or EXPIRED where said.

    /** Transient refusals until the attempt limit or the maximum age. */
    RETRIES_EXHAUSTED,
    /** A credential whose submits kept ending without an answer (eid.sms.max-uncertain-attempts): not resent again. */
    TOO_MANY_UNKNOWN_OUTCOMES,
    /** The SMSC refused the destination address. */
    INVALID_DESTINATION,
    /** The SMSC refused the submit for any other reason. */
    REJECTED,
    /** The submit failed on this side before the PDU could leave. */
    SUBMIT_ERROR,
    /** The request cannot become an SMS (the JWE does not open, no phone or password, bad parameters). */
    UNUSABLE_REQUEST,
    /**
     * No answer to the submit, or the connection dropped while it was outstanding: the SMSC may have it. Final for a
     * notice; a one-time credential is QUEUED again with it (resent).
     */
    SUBMIT_OUTCOME_UNKNOWN,
    /**
     * The replica stopped (or hung) while the submit was outstanding and its claim lapsed: the SMSC may have it. Final
     * for a notice; a one-time credential is QUEUED again with it (resent by another replica).
     */
    SUBMIT_INTERRUPTED,
    /** Still not submitted when the maximum age or the validity had passed (EXPIRED). */
    NOT_SENT_IN_TIME,
    /** Submitted, but no receipt came before the validity (and its grace) ended (EXPIRED). */
    NO_RECEIPT,
    /** The SMSC reported the message expired (EXPIRED). */
    SMSC_EXPIRED,
    /** The SMSC reported the message undeliverable. */
    SMSC_UNDELIV,
    /** The SMSC reported the message rejected. */
    SMSC_REJECTD,
    /** The SMSC reported the message deleted. */
    SMSC_DELETED,
    /** The SMSC reported an unknown final state. */
    SMSC_UNKNOWN,
    /** A newer credential was requested for the citizen before this one went out: the old password is useless. */
    SUPERSEDED;

    /** Whether the citizen may already have the SMS although the message is FAILED (so no unconfirmed retry). */
    public boolean mayHaveBeenSent() {
        return this == SUBMIT_OUTCOME_UNKNOWN || this == SUBMIT_INTERRUPTED || this == TOO_MANY_UNKNOWN_OUTCOMES;
    }

    /**
     * Whether a FAILED message keeps its ciphertext for an operator retry: all but an unusable request, which
     * sending again cannot mend.
     */
    public boolean keepsCiphertext() {
        return this != UNUSABLE_REQUEST;
    }

    /** The category of a failed delivery receipt by its stat (UNDELIV, REJECTD...); SMSC_UNKNOWN for any other. */
    public static FailureCategory ofReceipt(String stat) {
        for (FailureCategory c : values()) {
            if (c.name().equals("SMSC_" + stat)) {
                return c;
            }
        }
        return SMSC_UNKNOWN;
    }
}
