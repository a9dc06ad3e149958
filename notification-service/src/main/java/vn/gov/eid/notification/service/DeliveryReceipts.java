package vn.gov.eid.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.gov.eid.notification.domain.FailureCategory;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.smpp.DeliveryReceiptReceived;

/**
 * Receipts: a delivery receipt from the SMSC moves its SUBMITTED message to DELIVERED, EXPIRED or FAILED.
 */
@ApplicationScoped
public class DeliveryReceipts {

    @Inject
    FinalStates finals;

    @Inject
    MeterRegistry metrics;

    /** Receipts that overtook the commit of their SUBMITTED state; applied right after it. */
    private final Map<String, DeliveryReceiptReceived> earlyReceipts = new ConcurrentHashMap<>();

    private final Object receiptLock = new Object();

    /** Correlates a receipt (fired by the SMPP session) with its message by SMSC message id. */
    void onReceipt(@Observes DeliveryReceiptReceived receipt) {
        synchronized (receiptLock) {
            boolean known = QuarkusTransaction.requiringNew().call(() -> apply(receipt));
            if (!known) {
                // The submit_sm_resp may not be committed yet; commitOutcome applies this right after its commit.
                earlyReceipts.put(receipt.smscMessageId(), receipt);
            }
        }
    }

    /**
     * Runs the commit of a submit's outcome with no receipt applied meanwhile; a receipt for
     * {@code smscMessageId} (null when nothing was submitted) that arrived before it is applied right after.
     */
    void commitOutcome(Runnable commit, String smscMessageId) {
        synchronized (receiptLock) {
            commit.run();
            if (smscMessageId != null) {
                DeliveryReceiptReceived early = earlyReceipts.remove(smscMessageId);
                if (early != null) {
                    QuarkusTransaction.requiringNew().run(() -> apply(early));
                }
            }
        }
    }

    /** Applies a receipt in the caller's transaction; false when no message has its SMSC id (yet). */
    boolean apply(DeliveryReceiptReceived receipt) {
        SmsMessage m = SmsMessage.findBySmscId(receipt.smscMessageId());
        if (m == null) {
            return false;
        }
        if (m.state != SmsState.SUBMITTED) {
            return true;
        }
        Instant now = Instant.now();
        m.updatedAt = now;
        switch (receipt.stat()) {
            case "DELIVRD" -> {
                finals.finish(m, SmsState.DELIVERED, null, null);
                metrics.timer("sms.time.to.delivery").record(Duration.between(m.createdAt, now));
            }
            case "EXPIRED" ->
                finals.finish(
                        m, SmsState.EXPIRED, FailureCategory.SMSC_EXPIRED, "SMSC_EXPIRED: err " + receipt.error());
            case "ENROUTE", "ACCEPTD" -> {
                return true;
            }
            default ->
                finals.finish(
                        m,
                        SmsState.FAILED,
                        FailureCategory.ofReceipt(receipt.stat()),
                        "SMSC_" + receipt.stat() + ": err " + receipt.error());
        }
        return true;
    }
}
