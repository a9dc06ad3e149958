package vn.gov.eid.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Audit row of one operator retry of a FAILED SMS: who, when, why, and whether the operator accepted the risk
 * that the citizen already has the message.
 */
@Entity
@Table(name = "sms_retry")
public class SmsRetry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Column(nullable = false)
    public String operator;

    @Column(nullable = false)
    public String reason;

    @Column(name = "previous_error")
    public String previousError;

    @Column(name = "attempts_before", nullable = false)
    public int attemptsBefore;

    @Column(name = "duplicate_risk_confirmed", nullable = false)
    public boolean duplicateRiskConfirmed;

    @Column(name = "retried_at", nullable = false)
    public Instant retriedAt;

    public static List<SmsRetry> ofMessage(UUID messageId) {
        return list("messageId = ?1 order by retriedAt", messageId);
    }
}
