package vn.gov.eid.notification.domain;

/**
 * Lifecycle of one SMS. SENDING is internal (claimed for a submit, not yet answered) and is never published.
 */
public enum SmsState {
    QUEUED,
    SENDING,
    SUBMITTED,
    DELIVERED,
    FAILED,
    EXPIRED;

    public boolean isFinal() {
        return this == DELIVERED || this == FAILED || this == EXPIRED;
    }
}
