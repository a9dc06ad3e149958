package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.identity.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntPredicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A valid completed dossier is never dead-lettered because the database failed for a moment: the consumer retries it
 * in place, each attempt in a transaction of its own, and holds the citizen's later records back until it is through.
 * A record that can never be processed is dead-lettered at once.
 */
@QuarkusTest
class ConsumerRetryTest {

    private static final String DLQ = DOSSIER_TOPIC + ".dlq";

    /** A connection of the test's own to the service's database, beside the service's pool. */
    private static Connection sideConnection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(
                config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /**
     * The database's view of the service's connection that waits for a lock while inserting an inbox row, if one
     * does (and the predicate accepts its backend pid).
     */
    private static Integer waitingInboxInsert(Connection side, IntPredicate accept) throws SQLException {
        try (PreparedStatement s = side.prepareStatement("select pid from pg_stat_activity where datname ="
                + " current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'"
                + " and query like 'insert into inbox_message%'")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (accept.test(rs.getInt(1))) {
                        return rs.getInt(1);
                    }
                }
            }
        }
        return null;
    }

    private static int awaitWaitingInboxInsert(Connection side, IntPredicate accept) {
        List<Integer> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    Integer pid = waitingInboxInsert(side, accept);
                    if (pid != null) {
                        found.add(pid);
                    }
                    return pid != null;
                });
        return found.get(0);
    }

    private static boolean inInbox(Connection side, String eventId) throws SQLException {
        try (PreparedStatement s = side.prepareStatement(
                "select 1 from inbox_message where consumer = 'identity-service'" + " and event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<ConsumerRecord<String, String>> deadLetters(String pid, String eventId) {
        return records(DLQ, pid).stream()
                .filter(r -> eventId.equals(header(r, "ce_id")))
                .toList();
    }

    @Test
    void aCompletedDossierThatLosesItsDatabaseConnectionIsProcessedOnceItIsBackAndBeforeTheCitizensNextRecord()
            throws Exception {
        String pid = newPersonalId();
        String firstId = UUID.randomUUID().toString();
        String firstDossier = UUID.randomUUID().toString();
        String firstPhone = newPhone();
        String secondId = UUID.randomUUID().toString();
        String secondDossier = UUID.randomUUID().toString();
        String secondPhone = newPhone();
        // one connection holds the lock; another (outside any transaction, so it sees the live pg_stat_activity
        // rather than the snapshot of its transaction's start) watches and terminates
        try (Connection side = sideConnection();
                Connection observer = sideConnection()) {
            side.setAutoCommit(false);
            // an uncommitted inbox row with the first event's id: the service's insert of the same row waits for it,
            // and only that record's (the second record has another id and would pass if it were let through)
            try (PreparedStatement s = side.prepareStatement(
                    "insert into inbox_message (consumer, event_id) values ('identity-service', ?)")) {
                s.setString(1, firstId);
                s.executeUpdate();
            }
            sendDossierEvent(
                    pid,
                    COMPLETED,
                    firstId,
                    dossier(
                            pid,
                            "Le Thi Mot",
                            registration(sealedContact(firstPhone, "mot@example.vn", pid, firstDossier), firstPhone),
                            firstDossier));
            sendDossierEvent(
                    pid,
                    COMPLETED,
                    secondId,
                    dossier(
                            pid,
                            "Le Thi Mot",
                            registration(sealedContact(secondPhone, "mot@example.vn", pid, secondDossier), secondPhone),
                            secondDossier));

            // the connection is lost under the waiting attempt, as in a database restart (SQLState 57P01)
            int lost = awaitWaitingInboxInsert(observer, p -> true);
            try (PreparedStatement s = observer.prepareStatement("select pg_terminate_backend(?)")) {
                s.setInt(1, lost);
                s.executeQuery();
            }
            // a new attempt, on another connection, waits again: retried, not dead-lettered
            awaitWaitingInboxInsert(observer, p -> p != lost);
            assertTrue(deadLetters(pid, firstId).isEmpty(), "the record was dead-lettered for a lost connection");
            assertTrue(!inInbox(observer, secondId), "the citizen's next record was processed before the first");
            side.rollback();
        }

        awaitAccount(pid);
        // the first record created the account, the second updated it: in the order they were sent
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> audit(pid).size() >= 2);
        List<JsonNode> audit = audit(pid);
        assertEquals("CREATED", audit.get(0).path("action").asText());
        assertEquals("dossier:" + firstDossier, audit.get(0).path("actor").asText());
        assertEquals("CONTACT_UPDATED", audit.get(1).path("action").asText());
        assertEquals("dossier:" + secondDossier, audit.get(1).path("actor").asText());
        awaitConsumed(DOSSIER_TOPIC);
        assertTrue(deadLetters(pid, firstId).isEmpty());
        assertTrue(deadLetters(pid, secondId).isEmpty());
        given().get("/q/metrics")
                .then()
                .body(containsString("eid_consumer_transient_failures_total{consumer=\"identity-service\"}"));
    }

    @Test
    void aSignedRecordWhoseDataIsNotADossierIsDeadLetteredAtOnceWithTheReason() {
        String pid = newPersonalId();
        String id = UUID.randomUUID().toString();
        sendDossierEvent(pid, COMPLETED, id, "{\"dossierId\": [\"not\", \"a\", \"dossier\"]");
        List<ConsumerRecord<String, String>> dead = awaitDeadLetter(pid, id);
        assertEquals(1, dead.size());
        assertTrue(header(dead.get(0), "dead-letter-reason").contains("is not a valid DossierCompleted"));
        given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid)
                .then()
                .statusCode(404);
    }

    private static List<JsonNode> audit(String pid) {
        JsonNode trail = json(given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid + "/audit")
                .asString());
        List<JsonNode> out = new ArrayList<>();
        trail.forEach(out::add);
        return out;
    }
}
