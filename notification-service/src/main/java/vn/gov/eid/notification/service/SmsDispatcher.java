package vn.gov.eid.notification.service;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import vn.gov.eid.notification.smpp.DeliveryReceiptReceived;

/**
 * Drives sending: one dispatch loop at a time (so the SMPP session sees one submit at a time), woken by new
 * messages after their commit and by a periodic tick for retries. Also routes receipts and reconciles at start.
 */
@ApplicationScoped
public class SmsDispatcher {

    @Inject
    SmsService sms;

    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "sms-dispatch");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean started;

    void onStart(@Observes StartupEvent event) {
        int interrupted = sms.reconcileInterrupted();
        if (interrupted > 0) {
            Log.warnf("%d SMS were interrupted during a submit by the previous stop; marked FAILED, not resent",
                    interrupted);
        }
        started = true;
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        started = false;
        loop.shutdown();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) SmsService.SmsQueued queued) {
        wake();
    }

    void onReceipt(@Observes DeliveryReceiptReceived receipt) {
        sms.onReceipt(receipt);
    }

    @Scheduled(every = "${eid.sms.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
    }

    /** Erases the ciphertext of FAILED messages whose retry retention has passed. */
    @Scheduled(every = "${eid.sms.purge-interval:5m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        if (started) {
            sms.purgeFailedSecrets(java.time.Instant.now());
        }
    }

    /** Starts a dispatch loop unless one runs; a running loop is told to look again. */
    public void wake() {
        if (!started) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                loop.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false) && started) {
                List<UUID> due;
                while (started && !(due = sms.due(50)).isEmpty()) {
                    for (UUID id : due) {
                        try {
                            sms.send(id);
                        } catch (RuntimeException e) {
                            Log.errorf("SMS %s: dispatch error %s", id, e.getClass().getName());
                        }
                    }
                }
            }
        } finally {
            running.set(false);
            if (again.get() && started) {
                wake();
            }
        }
    }
}
