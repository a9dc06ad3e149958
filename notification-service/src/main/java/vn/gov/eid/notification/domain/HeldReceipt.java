package vn.gov.eid.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery receipt that came before its submit was recorded, held until it is (or until eid.sms.receipt-hold). */
@Entity
@Table(name = "sms_receipt_held")
public class HeldReceipt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "smsc_id_key", nullable = false)
    public String smscIdKey;

    @Column(name = "smsc_message_id", nullable = false)
    public String smscMessageId;

    @Column(nullable = false)
    public String stat;

    public String error;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** Held receipts recorded under {@code key}, oldest first. */
    public static List<HeldReceipt> under(String key) {
        return list("smscIdKey = ?1 order by receivedAt", key);
    }
}
