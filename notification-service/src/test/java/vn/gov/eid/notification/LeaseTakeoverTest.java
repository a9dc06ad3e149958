package vn.gov.eid.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import vn.gov.eid.notification.domain.SmsAttempt;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.service.LeaseTakeover;

/**
 * What a replica finds in the shared table: QUEUED messages are sent; a message another replica claimed is left alone
 * while its lease runs, and taken over when it lapses (the replica died during the submit): a one-time credential is
 * resent, a notice is failed for an operator. Nothing is failed merely because this replica (re)started.
 */
@QuarkusTest
class LeaseTakeoverTest {

    @Inject
    LeaseTakeover takeover;

    private static final String DEAD_REPLICA = "notification-service-dead";

    /** A message another replica claimed for attempt 1 at {@code claimedAt}, holding it until {@code leaseUntil}. */
    private static SmsMessage claimedElsewhere(Request r, Purpose purpose, Instant leaseUntil) throws Exception {
        Instant claimedAt = Instant.now().minusSeconds(90);
        SmsMessage m = storedRow(r, purpose, "TRAN THI BINH", SmsState.SENDING, claimedAt);
        m.leaseOwner = DEAD_REPLICA;
        m.leaseUntil = leaseUntil;
        QuarkusTransaction.requiringNew().run(() -> {
            m.persist();
            SmsAttempt.start(m.id, 1, DEAD_REPLICA, claimedAt).persist();
        });
        return m;
    }

    private static JsonNode attempts(JsonNode view) {
        return given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/messages/" + view.get("id").asText() + "/attempts")
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class);
    }

    @Test
    void pendingMessagesLeftByAStoppedProcessAreSent() throws Exception {
        Request r = request("INITIAL_CREDENTIAL");
        SmsMessage m = storedRow(r, Purpose.INITIAL_CREDENTIAL, "TRAN THI BINH", SmsState.QUEUED, Instant.now());
        QuarkusTransaction.requiringNew().run(m::persist);
        awaitState(r, "DELIVERED");
        assertEquals(1, smsTo(r).size());
        assertTrue(smsTo(r).get(0).text().contains("TRAN THI BINH"));
    }

    @Test
    void credentialOfAReplicaThatDiedDuringItsSubmitIsResentOnceItsLeaseLapses() throws Exception {
        Request r = request("INITIAL_CREDENTIAL");
        claimedElsewhere(r, Purpose.INITIAL_CREDENTIAL, Instant.now().plusSeconds(4));

        // the lease still runs: the other replica may be submitting right now
        assertEquals(0, QuarkusTransaction.requiringNew().call(takeover::takeOverLapsed));
        assertEquals("SENDING", messages(r.pid()).get(0).get("state").asText());
        assertEquals(DEAD_REPLICA, messages(r.pid()).get(0).get("leaseOwner").asText());

        JsonNode view = awaitState(r, "DELIVERED");
        assertEquals(1, smsTo(r).size(), "this replica's submit (the dead one's never reached the simulator)");
        assertEquals(2, view.get("attempts").asInt());
        assertEquals(1, view.get("uncertainAttempts").asInt());
        assertTrue(view.get("possibleDuplicate").asBoolean(), "the first submit may have reached the SMSC");
        JsonNode attempts = attempts(view);
        assertEquals(2, attempts.size(), attempts.toString());
        assertEquals(DEAD_REPLICA, attempts.get(0).get("instance").asText());
        assertEquals("ABANDONED", attempts.get(0).get("outcome").asText());
        assertFalse(DEAD_REPLICA.equals(attempts.get(1).get("instance").asText()));
        assertEquals("SUBMITTED", attempts.get(1).get("outcome").asText());
        assertEquals(
                view.get("smscMessageId").asText(),
                attempts.get(1).get("smscMessageId").asText());
    }

    @Test
    void noticeOfAReplicaThatDiedDuringItsSubmitIsFailedNotResent() throws Exception {
        Request r = request("UPGRADE_NOTICE");
        claimedElsewhere(r, Purpose.UPGRADE_NOTICE, Instant.now().minusSeconds(1));

        JsonNode view = awaitState(r, "FAILED");
        assertEquals("SUBMIT_INTERRUPTED", view.get("failureCategory").asText());
        assertTrue(view.get("lastError").asText().contains(DEAD_REPLICA), view.toString());
        assertEquals(1, view.get("uncertainAttempts").asInt(), "the dead replica's submit may have gone out");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> states(r.pid()).equals(List.of("FAILED"))
                        && records(DLQ, r.pid()).size() == 1);
        assertTrue(smsTo(r).isEmpty());
    }
}
