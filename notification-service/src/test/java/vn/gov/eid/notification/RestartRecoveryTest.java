package vn.gov.eid.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.notification.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.eid.notification.domain.Purpose;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.service.SmsSender;

/**
 * What a restart finds in the table: QUEUED messages are sent, a message left SENDING (the process died during
 * its submit) is failed for an operator instead of being submitted a second time.
 */
@QuarkusTest
class RestartRecoveryTest {

    @Inject
    SmsSender sender;

    private static SmsMessage row(Request r, SmsState state) throws Exception {
        return storedRow(r, Purpose.INITIAL_CREDENTIAL, "TRAN THI BINH", state, Instant.now());
    }

    @Test
    void pendingMessagesLeftByAStoppedProcessAreSent() throws Exception {
        Request r = request("INITIAL_CREDENTIAL");
        SmsMessage m = row(r, SmsState.QUEUED);
        QuarkusTransaction.requiringNew().run(m::persist);
        awaitState(r, "DELIVERED");
        assertEquals(1, smsTo(r).size());
        assertTrue(smsTo(r).get(0).text().contains("TRAN THI BINH"));
    }

    @Test
    void messageInterruptedDuringSubmitIsFailedNotResent() throws Exception {
        Request r = request("INITIAL_CREDENTIAL");
        SmsMessage m = row(r, SmsState.SENDING);
        QuarkusTransaction.requiringNew().run(m::persist);

        assertTrue(sender.reconcileInterrupted() >= 1);

        JsonNode view = awaitState(r, "FAILED");
        assertTrue(view.get("lastError").asText().startsWith("SUBMIT_INTERRUPTED"), view.toString());
        assertEquals("SUBMIT_INTERRUPTED", view.get("failureCategory").asText(), "the typed category of lastError");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> states(r.pid()).equals(List.of("FAILED"))
                        && records(DLQ, r.pid()).size() == 1);
        assertTrue(smsTo(r).isEmpty());
    }
}
