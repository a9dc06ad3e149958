package vn.gov.eid.platform.outbox;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import vn.gov.eid.platform.concurrent.DaemonThreads;

/**
 * The relay's worker: drains the outbox on one background thread right after each writing transaction commits, and
 * on a short poll, which also retries while Kafka is unreachable.
 *
 * <p>The parts: {@link OutboxTopics} creates the topics once, {@link OutboxPublisher} publishes one batch per
 * database and Kafka transaction and quarantines a row that keeps failing by itself, {@link OutboxProducer} holds the
 * transactional producer, {@link OutboxPurge} deletes old published rows, {@link OutboxBacklog} shows what waits. Publication is at-least-once: a crash between the Kafka commit and the commit of
 * published_at republishes the same ce_id, which consumers drop through their inbox.
 */
@ApplicationScoped
public class OutboxRelay {

    @Inject
    OutboxConfig config;

    @Inject
    OutboxTopics topics;

    @Inject
    OutboxPublisher publisher;

    @Inject
    OutboxProducer producer;

    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private ExecutorService worker;

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        worker = Executors.newSingleThreadExecutor(DaemonThreads.named("outbox-relay"));
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.shutdown();
            try {
                worker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // after the worker: it is the producer's only user
        producer.close();
    }

    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    /** The interval's default lives in {@link OutboxConfig#pollInterval()}, which the expression resolves to. */
    @Scheduled(every = "${eid.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Asks the relay to drain the outbox; cheap and safe to call from any thread. */
    public void wake() {
        if (worker != null && !worker.isShutdown() && wakeRequested.compareAndSet(false, true)) {
            worker.submit(this::drain);
        }
    }

    private void drain() {
        wakeRequested.set(false);
        try {
            topics.ensureCreated();
            while (publisher.publishBatch()) {
                // a full batch, or a row set aside: more rows are probably waiting
            }
        } catch (RuntimeException e) {
            Log.warnf("outbox relay: publishing deferred (%s)", e.getMessage());
        }
    }
}
