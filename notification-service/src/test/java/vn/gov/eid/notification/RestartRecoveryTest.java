package vn.gov.eid.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static vn.gov.eid.notification.Fixtures.*;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import vn.gov.eid.notification.domain.Purpose;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.service.SmsService;

/**
 * What a restart finds in the table: QUEUED messages are sent, a message left SENDING (the process died during
 * its submit) is failed for an operator instead of being submitted a second time.
 */
@QuarkusTest
class RestartRecoveryTest {

    @Inject
    SmsService sms;

    private static SmsMessage row(Request r, SmsState state) throws Exception {
        JsonNode req = JSON.readTree(r.json());
        SmsMessage m = new SmsMessage();
        m.id = UUID.randomUUID();
        m.requestId = UUID.fromString(r.requestId());
        m.personalIdNumber = r.pid();
        m.purpose = Purpose.INITIAL_CREDENTIAL;
        m.phoneMasked = req.get("phoneMasked").asText();
        m.templateParams = "{\"fullName\":\"TRAN THI BINH\"}";
        m.sealed = req.get("sealed").asText();
        m.state = state;
        m.attempts = state == SmsState.SENDING ? 1 : 0;
        m.createdAt = Instant.now();
        m.queuedAt = m.createdAt;
        m.updatedAt = m.createdAt;
        m.nextAttemptAt = m.createdAt;
        return m;
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

        assertTrue(sms.reconcileInterrupted() >= 1);

        JsonNode view = awaitState(r, "FAILED");
        assertTrue(view.get("lastError").asText().startsWith("SUBMIT_INTERRUPTED"), view.toString());
        await().atMost(Duration.ofSeconds(10)).until(() -> states(r.pid()).equals(List.of("FAILED"))
                && records(DLQ, r.pid()).size() == 1);
        assertTrue(smsTo(r).isEmpty());
    }
}
