package vn.gov.eid.platform.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import vn.gov.eid.platform.inbox.Inbox;

/**
 * Runs a consumed record through its {@link EventConsumer}: signature check, inbox and handler in one transaction
 * per attempt. A transient failure ({@link TransientFailures}) is retried in place with capped exponential backoff,
 * for as long as it takes: the consumer is ordered per partition, so holding the current record back keeps the
 * records of one citizen in order, and nothing valid is dead-lettered because the database was away. Any other
 * failure is permanent and the record goes to the dead-letter topic at once, with the reason.
 */
@ApplicationScoped
public class ConsumedRecords {

    /** What an attempt did with a record. */
    public enum Outcome {
        /** A first delivery of a handled type: the consumer acted on it. */
        HANDLED,
        /** A first delivery of a type the consumer does not handle: only its id was recorded. */
        IGNORED,
        /** The consumer had processed this event before: nothing happened. */
        ALREADY_PROCESSED
    }

    @Inject
    Inbox inbox;

    @Inject
    ConsumerConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    TransactionManager transactions;

    /** Set when the application stops: a failing record is then left unacknowledged, not retried nor dead-lettered. */
    private volatile boolean stopping;

    private Guard untilDone;
    private Guard forRedrive;

    @PostConstruct
    void init() {
        // SmallRye Fault Tolerance (programmatic): no retry count and no duration limit, backoff doubling up to the
        // cap; only transient failures are retried, and none once the application is stopping.
        untilDone = retry(-1);
        forRedrive = retry(config.redriveRetries());
    }

    private Guard retry(int maxRetries) {
        return Guard.create()
                .withDescription("consumer retry of transient failures")
                .withRetry()
                .maxRetries(maxRetries)
                .maxDuration(Long.MAX_VALUE, ChronoUnit.MILLIS)
                .delay(config.initialDelay().toMillis(), ChronoUnit.MILLIS)
                .jitter(config.jitter().toMillis(), ChronoUnit.MILLIS)
                .whenException(e -> !stopping && TransientFailures.isTransient(e))
                .withExponentialBackoff()
                .factor(2)
                .maxDelay(config.maxDelay().toMillis(), ChronoUnit.MILLIS)
                .done()
                .done()
                .build();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * The whole body of a consumer's {@code @Incoming @Blocking} method: processes the record (retrying transient
     * failures) and acknowledges it, or dead-letters it (nack, the channel's failure strategy) when it can never be
     * processed. When the application stops while the record still fails, it is neither: the offset is not
     * committed, and whoever takes the partition next reads the record again.
     */
    public CompletionStage<Void> consume(EventConsumer consumer, Message<?> message) {
        ConsumerRecord<String, String> record = record(message);
        try {
            process(consumer, record);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (stopping || e instanceof InterruptedException) {
                Log.infof(
                        "%s: %s left unacknowledged at shutdown (%s); it is read again after the restart",
                        consumer.name(), where(record), TransientFailures.describe(e));
                return CompletableFuture.completedFuture(null);
            }
            // the reason travels with the dead letter; a log line names only the failure's class (messages may quote
            // data)
            Log.warnf(
                    "%s: %s cannot be processed (%s): dead-lettered with the reason",
                    consumer.name(), where(record), e.getClass().getSimpleName());
            return message.nack(e);
        }
        return message.ack();
    }

    /**
     * Processes a record, retrying transient failures until they pass (or the application stops).
     *
     * @throws Exception the permanent failure (or the transient one at shutdown, or an interruption)
     */
    public Outcome process(EventConsumer consumer, ConsumerRecord<String, String> record) throws Exception {
        return guarded(untilDone, consumer, record, outcome -> {});
    }

    /**
     * Processes a record as an operator's re-drive: the same path as {@link #process}, with a few retries only, and
     * {@code inTransaction} called with the outcome in the attempt's transaction (to record the re-drive with its
     * effect, or not at all).
     *
     * @throws Exception the permanent failure, or a transient one that outlasted the retries
     */
    public Outcome redrive(
            EventConsumer consumer, ConsumerRecord<String, String> record, Consumer<Outcome> inTransaction)
            throws Exception {
        return guarded(forRedrive, consumer, record, inTransaction);
    }

    private Outcome guarded(
            Guard guard, EventConsumer consumer, ConsumerRecord<String, String> record, Consumer<Outcome> inTransaction)
            throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        Outcome outcome = guard.call(
                () -> {
                    int attempt = attempts.incrementAndGet();
                    try {
                        return attempt(consumer, record, inTransaction);
                    } catch (RuntimeException e) {
                        if (TransientFailures.isTransient(e)) {
                            metrics.counter("eid.consumer.transient.failures", "consumer", consumer.name())
                                    .increment();
                            // the description has class names and SQLStates only: messages may quote data
                            Log.warnf(
                                    "%s: %s failed transiently on attempt %d (%s); retried with backoff",
                                    consumer.name(), where(record), attempt, TransientFailures.describe(e));
                        }
                        throw e;
                    }
                },
                Outcome.class);
        if (attempts.get() > 1) {
            Log.infof("%s: %s processed on attempt %d", consumer.name(), where(record), attempts.get());
        }
        return outcome;
    }

    /** One attempt in a transaction of its own: signature check, inbox, handler. */
    private Outcome attempt(
            EventConsumer consumer, ConsumerRecord<String, String> record, Consumer<Outcome> inTransaction) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try {
                Inbox.Delivery delivery = inbox.receive(consumer.name(), record, consumer.handledTypes());
                Outcome outcome;
                if (!delivery.first()) {
                    outcome = Outcome.ALREADY_PROCESSED;
                } else if (!delivery.handled()) {
                    outcome = Outcome.IGNORED;
                } else {
                    consumer.handle(delivery.event());
                    outcome = Outcome.HANDLED;
                }
                inTransaction.accept(outcome);
                return outcome;
            } catch (RuntimeException e) {
                if (rolledBackUnderUs()) {
                    throw new TransactionTimedOut(e);
                }
                throw e;
            }
        });
    }

    /**
     * Whether the attempt's transaction is no longer there to roll back: only the reaper (on the transaction timeout)
     * ends it under the attempt; a failure inside it leaves it active or marked rollback-only.
     */
    private boolean rolledBackUnderUs() {
        try {
            int status = transactions.getStatus();
            return status == Status.STATUS_ROLLEDBACK
                    || status == Status.STATUS_ROLLING_BACK
                    || status == Status.STATUS_NO_TRANSACTION;
        } catch (SystemException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, String> record(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (ConsumerRecord<String, String>) m.getRecord())
                .orElseThrow(() -> new IllegalStateException("not a message from a Kafka channel"));
    }

    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
