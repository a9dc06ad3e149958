package vn.gov.eid.smsc;

import java.time.Instant;

/**
 * One short message the simulator accepted (a submit_sm answered with ESME_ROK), with its text decoded.
 */
public record ReceivedSms(
        String smscMessageId, String sourceAddress, String destinationAddress, String text, Instant receivedAt) {}
