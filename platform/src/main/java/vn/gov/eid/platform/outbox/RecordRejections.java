package vn.gov.eid.platform.outbox;

import java.util.Collection;
import java.util.Set;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Tells a failure caused by a record itself (it will fail again however often it is sent) from Kafka being away
 * (timeouts, retriable errors, fencing, no connection, a credential the broker refuses), which must never count
 * against a row: then every row simply waits.
 */
final class RecordRejections {

    /**
     * The failures that belong to one record: too large for the producer or the broker, a topic name Kafka refuses or
     * a topic this service may not write, a record the broker finds invalid. Anything else, an unknown failure
     * included, is taken for Kafka being away: setting a sound row aside is worse than waiting.
     */
    private static final Set<Class<? extends Throwable>> RECORD_SPECIFIC = Set.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            SerializationException.class,
            InvalidTopicException.class,
            TopicAuthorizationException.class,
            InvalidRecordException.class);

    /** Longest text kept in outbox_event.last_error (the column holds 1000). */
    static final int MAX_DESCRIPTION = 500;

    private RecordRejections() {}

    /**
     * The first record-specific cause in the failure thrown by the producer or in those its send callbacks reported,
     * or null when Kafka was only away.
     */
    static Throwable find(Throwable thrown, Collection<? extends Throwable> reported) {
        Throwable found = recordSpecific(thrown);
        for (Throwable t : reported) {
            if (found == null) {
                found = recordSpecific(t);
            }
        }
        return found;
    }

    /**
     * Type and message of a failure, for last_error and the log: Kafka's and the signer's messages name sizes,
     * topics and settings, never a payload or a key.
     */
    static String describe(Throwable t) {
        String text = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION);
    }

    private static Throwable recordSpecific(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (Class<? extends Throwable> type : RECORD_SPECIFIC) {
                if (type.isInstance(c)) {
                    return c;
                }
            }
        }
        return null;
    }
}
