package vn.gov.eid.notification.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.platform.concurrent.DaemonThreads;

/**
 * Drives sending: one loop finds due messages (woken by new messages after their commit and by a periodic tick
 * for retries) and hands each to one of {@code eid.sms.window} workers, so that at most that many submits are
 * outstanding on the SMPP session. Each worker claims its own message (SENDING, committed) before submitting, and
 * the loop never hands out a message that a worker still holds. Other replicas run the same loop on the same table:
 * the claim decides which one sends (see {@link SmsSender#claim}).
 */
@ApplicationScoped
public class SmsDispatcher {

    @Inject
    SmsSender sender;

    @Inject
    SmsConfig config;

    private final ExecutorService loop = Executors.newSingleThreadExecutor(DaemonThreads.named("sms-dispatch"));
    private ExecutorService workers;
    private Semaphore window;
    /** Messages handed to a worker and not finished yet: never handed out twice. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean started;

    @PostConstruct
    void init() {
        int size = config.window();
        if (size < 1) {
            throw new IllegalStateException("eid.sms.window must be at least 1, is " + size);
        }
        window = new Semaphore(size);
        workers = Executors.newFixedThreadPool(size, DaemonThreads.numbered("sms-submit"));
    }

    void onStart(@Observes StartupEvent event) {
        // Nothing to reconcile: what a stopped replica left SENDING is taken over when its lease passes.
        started = true;
        wake();
    }

    void onStop(@Observes ShutdownEvent event) {
        started = false;
        loop.shutdown();
        workers.shutdown();
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) SmsQueued queued) {
        wake();
    }

    @Scheduled(every = "${eid.sms.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        wake();
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
            } catch (RejectedExecutionException e) {
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (again.getAndSet(false) && started) {
                boolean handedOut = true;
                // Stops when every due message is already with a worker; a worker's end wakes the loop again.
                while (started && handedOut) {
                    handedOut = false;
                    List<UUID> due = sender.due(50);
                    for (UUID id : due) {
                        if (!started) {
                            return;
                        }
                        if (inFlight.contains(id)) {
                            continue;
                        }
                        window.acquire();
                        inFlight.add(id);
                        if (!handOut(id)) {
                            return;
                        }
                        handedOut = true;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.set(false);
            if (again.get() && started) {
                wake();
            }
        }
    }

    private boolean handOut(UUID id) {
        try {
            workers.execute(() -> {
                try {
                    sender.send(id);
                } catch (RuntimeException e) {
                    Log.errorf("SMS %s: dispatch error %s", id, e.getClass().getName());
                } finally {
                    inFlight.remove(id);
                    window.release();
                    wake();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            inFlight.remove(id);
            window.release();
            return false;
        }
    }
}
