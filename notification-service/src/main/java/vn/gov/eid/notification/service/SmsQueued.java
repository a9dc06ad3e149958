package vn.gov.eid.notification.service;

import java.util.UUID;

/**
 * Signals that a message waits to be sent; the dispatcher observes it after the commit to send it at once.
 */
public record SmsQueued(UUID messageId) {}
