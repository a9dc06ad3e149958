package vn.gov.eid.notification.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.gov.eid.notification.SmscTestResource;
import vn.gov.eid.notification.domain.FailureCategory;
import vn.gov.eid.notification.domain.SmsText;

/**
 * A submit whose claim could lapse before its answer comes does not leave: another replica may take the message over
 * and send it, so this one sending too would make a duplicate (or deliver a notice already failed for an operator).
 */
@QuarkusTest
class SubmitDeadlineTest {

    @Inject
    SmppGateway gateway;

    @Test
    void nothingLeavesAfterTheDeadline() {
        int before = SmscTestResource.smsc.submitCount();
        SubmitOutcome outcome = gateway.submit(
                "+84912000001",
                SmsText.encode("Thong bao thu"),
                Duration.ofHours(1),
                Instant.now().minusMillis(1));
        assertEquals(
                FailureCategory.CLAIM_RUNNING_OUT,
                assertInstanceOf(SubmitOutcome.Transient.class, outcome).category());
        assertEquals(before, SmscTestResource.smsc.submitCount(), "a submit_sm left after the deadline");

        SubmitOutcome inTime = gateway.submit(
                "+84912000001",
                SmsText.encode("Thong bao thu"),
                Duration.ofHours(1),
                Instant.now().plusSeconds(30));
        assertInstanceOf(SubmitOutcome.Submitted.class, inTime);
        assertEquals(before + 1, SmscTestResource.smsc.submitCount());
    }
}
