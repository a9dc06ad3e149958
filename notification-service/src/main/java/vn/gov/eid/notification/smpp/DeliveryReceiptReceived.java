package vn.gov.eid.notification.smpp;

/**
 * A delivery receipt from the SMSC: its message id and the final state it reports (DELIVRD, UNDELIV, EXPIRED...).
 */
public record DeliveryReceiptReceived(String smscMessageId, String stat, String error) {}
