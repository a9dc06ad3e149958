package vn.gov.eid.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One submit attempt of a message: which replica made it, when, and what came of it (never the text). */
@Entity
@Table(name = "sms_attempt")
public class SmsAttempt extends PanacheEntityBase {

    /** Length of the detail column. */
    private static final int MAX_DETAIL = 300;

    /** What came of an attempt. */
    public enum Outcome {
        /** The SMSC accepted it (submit_sm_resp with an id). */
        SUBMITTED,
        /** The SMSC refused it for now (throttled, queue full, system error) or no session was bound: not sent. */
        NOT_ACCEPTED,
        /** Refused for good, or the request could not become an SMS. */
        REFUSED,
        /** No answer (connection lost, no response, generic_nack): the SMSC may have it. */
        UNKNOWN,
        /** The replica's lease passed during the attempt (it died or hung): the SMSC may have it. */
        ABANDONED
    }

    /** Message id and attempt number. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "message_id")
        public UUID messageId;

        public int attempt;

        public Key() {}

        public Key(UUID messageId, int attempt) {
            this.messageId = messageId;
            this.attempt = attempt;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.messageId.equals(messageId) && k.attempt == attempt;
        }

        @Override
        public int hashCode() {
            return messageId.hashCode() * 31 + attempt;
        }
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String instance;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String detail;

    @Column(name = "smsc_message_id")
    public String smscMessageId;

    /** Starts the record of attempt number {@code attempt} of a message, by {@code instance}. */
    public static SmsAttempt start(UUID messageId, int attempt, String instance, Instant at) {
        SmsAttempt a = new SmsAttempt();
        a.key = new Key(messageId, attempt);
        a.instance = instance;
        a.startedAt = at;
        return a;
    }

    /** Ends this attempt with its outcome (detail cut to the column). */
    public void end(Outcome outcome, String detail, String smscMessageId, Instant at) {
        this.outcome = outcome;
        this.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
        this.smscMessageId = smscMessageId;
        this.endedAt = at;
    }

    /** The attempt, if recorded. */
    public static SmsAttempt of(UUID messageId, int attempt) {
        return findById(new Key(messageId, attempt));
    }

    /** The attempts of a message, first first. */
    public static List<SmsAttempt> ofMessage(UUID messageId) {
        return list("key.messageId = ?1 order by key.attempt", messageId);
    }
}
