package vn.gov.eid.platform.deadletter;

import java.time.Instant;

/**
 * A dead-lettered record as operators see it: where it is, when and why it was dead-lettered, which event it carries
 * and what re-drives did with it. Never the payload or the key: they hold personal data.
 *
 * @param partition partition of the dead-letter topic
 * @param offset offset in that partition (with the partition, what a re-drive names)
 * @param timestamp when it was dead-lettered
 * @param reason why (the failure's message, as the consumer's failure strategy wrote it)
 * @param eventId the CloudEvent id (ce_id), if the record has one
 * @param eventType the CloudEvent type (ce_type), if the record has one
 * @param redriven whether a re-drive processed it (outcome HANDLED or IGNORED)
 * @param lastRedrive the latest re-drive, or null when none was asked for
 */
public record DeadLetter(
        int partition,
        long offset,
        Instant timestamp,
        String reason,
        String eventId,
        String eventType,
        boolean redriven,
        Redrive lastRedrive) {

    /**
     * One re-drive of a dead letter.
     *
     * @param outcome HANDLED, IGNORED (a type the consumer skips), ALREADY_PROCESSED or FAILED
     * @param operator who asked for it (the token's name)
     * @param reason why the operator asked
     * @param detail why it failed again (FAILED only)
     * @param at when
     */
    public record Redrive(String outcome, String operator, String reason, String detail, Instant at) {}
}
