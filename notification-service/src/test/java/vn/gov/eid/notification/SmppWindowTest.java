package vn.gov.eid.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.notification.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.gov.eid.notification.domain.Purpose;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;

/**
 * The SMPP window: with a slow SMSC, several submits are outstanding at once (never more than eid.sms.window),
 * and each of many queued messages is still submitted exactly once.
 */
@QuarkusTest
class SmppWindowTest {

    private static final int MESSAGES = 20;
    private static final long SMSC_RESPONSE_MILLIS = 200;

    @ConfigProperty(name = "eid.sms.window")
    int window;

    @AfterEach
    void normalSmsc() {
        SmscTestResource.smsc.clearFaults();
    }

    @Test
    void twentyQueuedMessagesAreEachSubmittedOnceWithUpToTheWindowOutstanding() throws Exception {
        assertEquals(4, window, "the default window");
        SmscTestResource.smsc.delaySubmitResponses(SMSC_RESPONSE_MILLIS);
        SmscTestResource.smsc.resetMaxOutstandingSubmits();
        int submitsBefore = SmscTestResource.smsc.submitCount();

        List<Request> requests = new ArrayList<>();
        List<SmsMessage> rows = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < MESSAGES; i++) {
            Request r = request("UPGRADE_NOTICE");
            SmsMessage m = storedRow(r, Purpose.UPGRADE_NOTICE, "PHAM VAN DUC", SmsState.QUEUED, now);
            requests.add(r);
            rows.add(m);
        }
        long start = System.nanoTime();
        // One commit: all twenty are due together, as after a backlog.
        QuarkusTransaction.requiringNew().run(() -> rows.forEach(m -> m.persist()));

        List<UUID> ids = rows.stream().map(m -> m.id).toList();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> SmsMessage.count("id in ?1 and state = ?2", ids, SmsState.SUBMITTED)
                                        + SmsMessage.count("id in ?1 and state = ?2", ids, SmsState.DELIVERED))
                        == MESSAGES);
        long submittedMillis = (System.nanoTime() - start) / 1_000_000;
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew()
                                .call(() -> SmsMessage.count("id in ?1 and state = ?2", ids, SmsState.DELIVERED))
                        == MESSAGES);

        for (Request r : requests) {
            assertEquals(1, smsTo(r).size(), "one SMS to " + r.destination());
            JsonNode view = messages(r.pid()).get(0);
            assertEquals(1, view.get("attempts").asInt());
            assertEquals(
                    smsTo(r).get(0).smscMessageId(), view.get("smscMessageId").asText());
        }
        assertEquals(submitsBefore + MESSAGES, SmscTestResource.smsc.submitCount(), "no submit_sm twice");
        int outstanding = SmscTestResource.smsc.maxOutstandingSubmits();
        Log.infof(
                "window %d, SMSC answering in %d ms: %d messages submitted in %d ms, at most %d outstanding",
                window, SMSC_RESPONSE_MILLIS, MESSAGES, submittedMillis, outstanding);
        assertTrue(outstanding > 1, "submits overlapped: " + outstanding);
        assertTrue(outstanding <= window, "never more than the window: " + outstanding);
        // Only logged, not asserted (a loaded build machine would make a bound flaky): one at a time would need at
        // least MESSAGES x SMSC_RESPONSE_MILLIS.
    }
}
