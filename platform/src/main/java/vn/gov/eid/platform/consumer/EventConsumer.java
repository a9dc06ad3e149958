package vn.gov.eid.platform.consumer;

import java.util.Set;
import vn.gov.eid.platform.cloudevents.CloudEvent;

/**
 * A service's consumer of one incoming channel, as the platform runs it ({@link ConsumedRecords}): the platform checks
 * the signature, records the event id in the inbox, retries transient failures and dead-letters the rest; the
 * service only says what an event means. Re-driven dead letters take exactly this path too.
 */
public interface EventConsumer {

    /** The consumer's name in the inbox (one inbox row per consumer and event id). */
    String name();

    /**
     * The incoming channel ({@code mp.messaging.incoming.<channel>.*}); its {@code dead-letter-queue.topic} is where
     * the operators' re-drive reads from.
     */
    String channel();

    /** The CloudEvent types the consumer acts on; others are recorded in the inbox and otherwise skipped. */
    Set<String> handledTypes();

    /**
     * Acts on a trusted event seen for the first time, inside the attempt's transaction.
     *
     * @throws IllegalArgumentException (or a Bean Validation, JSON or other non-transient failure) when the event can
     *     never be handled: it is dead-lettered with the message as the reason
     */
    void handle(CloudEvent event);
}
