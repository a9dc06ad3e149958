package vn.gov.eid.notification.smpp;

/**
 * A delivery receipt from the SMSC: its message id and the state it reports (DELIVRD, UNDELIV, EXPIRED... final;
 * ENROUTE, ACCEPTD intermediate).
 */
public record DeliveryReceiptReceived(String smscMessageId, String stat, String error) {

    /** Whether the receipt reports a final state (anything but ENROUTE and ACCEPTD). */
    public boolean isFinal() {
        return !"ENROUTE".equals(stat) && !"ACCEPTD".equals(stat);
    }
}
