package vn.gov.eid.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * One SMS and its fate. Holds the masked phone and the sealed (encrypted) secret only, never the text.
 */
@Entity
@Table(name = "sms_message")
public class SmsMessage extends PanacheEntityBase {

    /** Length of the last_error column. */
    private static final int MAX_ERROR = 300;

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false, unique = true)
    public UUID requestId;

    @Column(name = "personal_id_number", nullable = false)
    public String personalIdNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Column(name = "phone_masked", nullable = false)
    public String phoneMasked;

    /** JSON object of the non-secret template parameters (e.g. fullName). */
    @Column(name = "template_params", nullable = false)
    public String templateParams;

    /**
     * The JWE from the request; null once DELIVERED or EXPIRED, and for FAILED once the retention for operator
     * retries has passed.
     */
    public String sealed;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SmsState state;

    @Column(name = "smsc_message_id")
    public String smscMessageId;

    /** {@link #smscMessageId} as receipts are matched on ({@link SmscIds#key}). */
    @Column(name = "smsc_id_key")
    public String smscIdKey;

    /** The replica that holds the claim of a SENDING message; null in every other state. */
    @Column(name = "lease_owner")
    public String leaseOwner;

    /** Until when {@link #leaseOwner} holds the claim; after it another replica takes the message over. */
    @Column(name = "lease_until")
    public Instant leaseUntil;

    /**
     * When the content stops being of use (the temporary password in it expires, or the SMS validity period ends):
     * sending stops there, the submit carries it as the validity period, and a SUBMITTED message expires after it.
     */
    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;

    /** Submits whose outcome stayed unknown: each may have reached the SMSC (possible duplicates). */
    @Column(name = "uncertain_attempts", nullable = false)
    public int uncertainAttempts;

    @Column(nullable = false)
    public int attempts;

    public Integer segments;

    public String encoding;

    /** Why the message is not delivered (yet), for people; set only with {@link #recordFailure}. */
    @Column(name = "last_error")
    public String lastError;

    /** The category of {@link #lastError}, null exactly when it is; every decision reads this, never the text. */
    @Enumerated(EnumType.STRING)
    @Column(name = "failure_category")
    public FailureCategory failureCategory;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    /** When the message was last (re)queued; the maximum age counts from here. */
    @Column(name = "queued_at", nullable = false)
    public Instant queuedAt;

    /** Attempts spent before the last operator retry; the attempt limit counts from here. */
    @Column(name = "attempt_base", nullable = false)
    public int attemptBase;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "final_at")
    public Instant finalAt;

    @Version
    public long version;

    /** Records why the message is not delivered, cut to the 300 characters of the column. */
    public void recordFailure(FailureCategory category, String text) {
        failureCategory = category;
        lastError = text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    /** Forgets the last failure (submitted, or re-queued by an operator). */
    public void clearFailure() {
        recordFailure(null, null);
    }

    /** Records the SMSC's id of the accepted submit, with the key receipts are matched on. */
    public void recordSmscId(String id) {
        smscMessageId = id;
        smscIdKey = id == null ? null : SmscIds.key(id);
    }

    /** Whether the citizen may get this SMS more than once: a submit of unknown outcome came before another one. */
    public boolean possibleDuplicate() {
        return uncertainAttempts > 0 && (state == SmsState.SUBMITTED || state == SmsState.DELIVERED);
    }
}
