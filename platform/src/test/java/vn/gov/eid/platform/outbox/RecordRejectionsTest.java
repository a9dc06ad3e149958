package vn.gov.eid.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.DisconnectException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.junit.jupiter.api.Test;

/** Which failures count against a row (it fails by itself) and which only mean that Kafka is away. */
class RecordRejectionsTest {

    @Test
    void aRecordTooLargeBehindTheProducersErrorStateIsTheRecordsFault() {
        // what send() and commitTransaction() throw once a record has put the transaction in error
        var thrown = new KafkaException(
                "Cannot execute transactional method because we are in an error state",
                new RecordTooLargeException("The message is 1100123 bytes when serialized which is larger than"
                        + " 1048576, which is the value of the max.request.size configuration."));
        Throwable found = RecordRejections.find(thrown, List.of());
        assertInstanceOf(RecordTooLargeException.class, found);
    }

    @Test
    void aRefusalReportedOnlyToTheSendCallbackIsFound() {
        // the commit fails as "aborted"; the record's own callback got the reason
        var thrown = new KafkaException("aborted", new TransactionAbortedException("Failing batch since aborted"));
        var reported = List.of(
                new TransactionAbortedException("Failing batch since aborted"),
                new TopicAuthorizationException(Set.of("platform.secret.v1")));
        assertInstanceOf(TopicAuthorizationException.class, RecordRejections.find(thrown, reported));
        assertInstanceOf(
                InvalidTopicException.class,
                RecordRejections.find(new KafkaException(new InvalidTopicException("bad name")), List.of()));
    }

    @Test
    void kafkaBeingAwayCountsAgainstNoRow() {
        for (RuntimeException away : List.of(
                new TimeoutException("Timeout expired after 10000ms while awaiting InitProducerId"),
                new TimeoutException("Topic platform.test.v1 not present in metadata after 10000 ms."),
                new KafkaException("commit failed", new DisconnectException("broker went away")),
                new NotLeaderOrFollowerException("leader moved"),
                new ProducerFencedException("another producer with the same transactional id"),
                new TransactionalIdAuthorizationException("not allowed the id"),
                new SaslAuthenticationException("wrong password"),
                new IllegalStateException("something unknown"))) {
            assertNull(
                    RecordRejections.find(away, List.of(new TransactionAbortedException("aborted"))), away.toString());
        }
    }

    @Test
    void theDescriptionIsTypeAndMessageBoundedForTheColumn() {
        assertEquals(
                "RecordTooLargeException: too large",
                RecordRejections.describe(new RecordTooLargeException("too large")));
        assertEquals(
                RecordRejections.MAX_DESCRIPTION,
                RecordRejections.describe(new RecordTooLargeException("x".repeat(5000)))
                        .length());
    }
}
