package vn.gov.eid.notification.messaging;

/**
 * Every CloudEvents type this service consumes or produces (schemas in contracts/events/).
 */
public final class EventTypes {

    /** Consumed: identity-service asks for an SMS. */
    public static final String SMS_REQUESTED = "vn.gov.eid.sms.requested.v1";
    /** Produced: a message changed state (SENDING excepted). */
    public static final String SMS_STATUS_CHANGED = "vn.gov.eid.sms.status-changed.v1";
    /** Produced on the dead-letter topic: a message failed or expired for good. */
    public static final String SMS_DEAD_LETTERED = "vn.gov.eid.sms.dead-lettered.v1";

    private EventTypes() {}
}
