package vn.gov.eid.platform.signing;

/**
 * A consumed record that is not provably from a trusted producer: it has no effect and goes to the dead-letter topic
 * with this message as the reason (no personal data in it).
 */
public class UntrustedRecordException extends IllegalArgumentException {

    private final EventVerifier.Reason reason;

    public UntrustedRecordException(EventVerifier.Reason reason) {
        super("untrusted record: " + reason);
        this.reason = reason;
    }

    public EventVerifier.Reason reason() {
        return reason;
    }
}
