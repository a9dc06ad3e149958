package vn.gov.eid.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.notification.domain.FailureCategory;
import vn.gov.eid.notification.domain.HeldReceipt;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.domain.SmscIds;
import vn.gov.eid.notification.smpp.DeliveryReceiptReceived;

/**
 * Receipts, correlated through the database so that any replica can take a receipt for a message another replica
 * submitted: a delivery receipt moves its SUBMITTED message to DELIVERED, EXPIRED or FAILED; one that overtakes the
 * commit of its submit is held and applied when the submit is recorded; a SUBMITTED message whose receipt never comes
 * is EXPIRED once its validity is over.
 *
 * <p>A receipt and the recording of its submit take the same PostgreSQL advisory lock (of the id's key, {@link
 * SmscIds#submitKey}) before they look for each other, so one always sees the other's row.
 */
@ApplicationScoped
public class DeliveryReceipts {

    /** Longest SMSC message id (SMPP 3.4 message_id: 65 octets, the column's length). */
    private static final int MAX_SMSC_ID = 65;

    /** Longest receipt stat and error kept (the columns' lengths; SMPP receipts use 7 and 3). */
    private static final int MAX_STAT = 16;

    private static final int MAX_ERROR = 8;

    /** Advisory lock class (the two-key form, apart from the outbox's one-key lock): "SMSC". */
    private static final int RECEIPT_LOCKS = 0x534d5343;

    @Inject
    FinalStates finals;

    @Inject
    MeterRegistry metrics;

    @Inject
    SmsConfig config;

    @Inject
    EntityManager em;

    /** Correlates a receipt (fired by any SMPP session of this replica) with its message by SMSC message id. */
    void onReceipt(@Observes DeliveryReceiptReceived receipt) {
        if (!receipt.isFinal()) {
            return; // ENROUTE, ACCEPTD: the final one follows
        }
        if (receipt.smscMessageId() == null
                || receipt.smscMessageId().isBlank()
                || receipt.smscMessageId().length() > MAX_SMSC_ID) {
            // no submit of ours has such an id (SMPP 3.4: at most 65 octets); nothing to match or hold
            Log.warnf("delivery receipt without a usable message id ignored");
            metrics.counter("sms.receipts.unmatched").increment();
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            String key =
                    SmscIds.submitKey(receipt.smscMessageId(), config.smpp().receiptId());
            lock(key);
            // only a message waiting for its receipt: an older one with the same id (an SMSC that reuses ids) is done
            SmsMessage m = SmsMessage.<SmsMessage>find(
                            "smscIdKey = ?1 and state = ?2 order by submittedAt desc", key, SmsState.SUBMITTED)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .firstResult();
            if (m == null) {
                hold(receipt, key);
                return;
            }
            apply(m, receipt.stat(), receipt.error());
        });
    }

    /**
     * Runs the recording of a submit's outcome in a new transaction; when the SMSC accepted it (an id), first under the
     * advisory lock of that id, so that a receipt racing it is either already held or waits for this commit.
     */
    void recordingSubmit(String smscMessageId, Runnable record) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (smscMessageId != null) {
                lock(SmscIds.key(smscMessageId));
            }
            record.run();
        });
    }

    /** Applies the receipts held for a message just recorded SUBMITTED, in the caller's transaction (locks taken). */
    void applyHeld(SmsMessage m) {
        if (m.smscIdKey == null) {
            return; // accepted without an id: no receipt can name it
        }
        for (HeldReceipt r : HeldReceipt.under(m.smscIdKey)) {
            if (m.state == SmsState.SUBMITTED) {
                Log.infof("SMS %s: receipt held since %s applied", m.id, r.receivedAt);
                apply(m, r.stat, r.error);
            }
            // by id, no row count expected: the purge of old held receipts may have taken it meanwhile
            em.createNativeQuery("delete from sms_receipt_held where id = ?1")
                    .setParameter(1, r.id)
                    .executeUpdate();
        }
    }

    /**
     * Expires SUBMITTED messages whose receipt has not come: after their validity plus the grace, or after
     * eid.sms.receipt-wait from the submit when that is set. Rows another replica is handling are skipped.
     */
    @Scheduled(every = "${eid.sms.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireUnanswered() {
        Instant now = Instant.now();
        Instant validityOver = now.minus(config.receiptGrace());
        // without eid.sms.receipt-wait no submit is too old by itself: nothing was submitted before 1970
        Instant submittedBefore = config.receiptWait().map(now::minus).orElse(Instant.EPOCH);
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<UUID> ids = em.createNativeQuery(
                            "select id from sms_message where state = 'SUBMITTED' and (valid_until < ?1 or"
                                    + " submitted_at < ?2) order by valid_until limit 100 for update skip locked",
                            UUID.class)
                    .setParameter(1, validityOver)
                    .setParameter(2, submittedBefore)
                    .getResultList();
            for (UUID id : ids) {
                SmsMessage m = SmsMessage.findById(id);
                finals.finish(
                        m,
                        SmsState.EXPIRED,
                        FailureCategory.NO_RECEIPT,
                        "NO_RECEIPT: no delivery receipt by " + Instant.now() + " (submitted " + m.submittedAt + ")");
            }
        });
        long dropped = QuarkusTransaction.requiringNew()
                .call(() -> HeldReceipt.delete("receivedAt < ?1", now.minus(config.receiptHold())));
        if (dropped > 0) {
            metrics.counter("sms.receipts.unmatched").increment(dropped);
            Log.warnf(
                    "%d delivery receipt(s) matched no submit within %s and were dropped",
                    dropped, config.receiptHold());
        }
    }

    private void hold(DeliveryReceiptReceived receipt, String key) {
        HeldReceipt r = new HeldReceipt();
        r.id = UUID.randomUUID();
        r.smscIdKey = key;
        r.smscMessageId = receipt.smscMessageId();
        r.stat = cut(receipt.stat(), MAX_STAT);
        r.error = cut(receipt.error(), MAX_ERROR);
        r.receivedAt = Instant.now();
        r.persist();
        Log.debugf("receipt for SMSC id %s held: its submit is not recorded (yet)", receipt.smscMessageId());
    }

    /** Applies a final receipt to a locked message; a message no longer SUBMITTED keeps its state. */
    private void apply(SmsMessage m, String stat, String error) {
        if (m.state != SmsState.SUBMITTED) {
            return;
        }
        Instant now = Instant.now();
        m.updatedAt = now;
        switch (stat) {
            case "DELIVRD" -> {
                finals.finish(m, SmsState.DELIVERED, null, null);
                metrics.timer("sms.time.to.delivery").record(Duration.between(m.createdAt, now));
            }
            case "EXPIRED" ->
                finals.finish(m, SmsState.EXPIRED, FailureCategory.SMSC_EXPIRED, "SMSC_EXPIRED: err " + error);
            default ->
                finals.finish(m, SmsState.FAILED, FailureCategory.ofReceipt(stat), "SMSC_" + stat + ": err " + error);
        }
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** Takes the advisory lock of an SMSC id key until the end of the transaction. */
    private void lock(String key) {
        em.createNativeQuery("select 1 from pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, RECEIPT_LOCKS)
                .setParameter(2, key)
                .getSingleResult();
    }
}
