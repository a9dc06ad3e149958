package vn.gov.eid.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.gov.eid.notification.Fixtures.*;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestKafka;
import vn.gov.eid.testsupport.TestTokens;

/**
 * Operators re-drive a dead-lettered SMS request through the consumer's own path: a genuine one sends its SMS once,
 * however often it is re-driven or redelivered. Operators only.
 */
@QuarkusTest
class DeadLetterRedriveTest {

    private static final String PATH = "/api/v1/dead-letters";

    private static Response redrive(String token, long partition, long offset, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post(PATH + "/" + partition + "/" + offset + "/redrive");
    }

    @Test
    void aGenuineDeadLetteredRequestIsReDrivenIntoOneSms() {
        Request r = request("INITIAL_CREDENTIAL");
        String eventId = UUID.randomUUID().toString();
        String reason = "dead-lettered by the test " + eventId;
        // on the dead-letter topic as the failure strategy leaves a request: signed as on the request topic
        TestKafka.sendCloudEvent(DLQ, r.pid(), SMS_REQUESTED, eventId, r.json(), IDENTITY_SOURCE, rec -> {
            signAsIdentityService(rec);
            rec.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
            rec.headers().add("dead-letter-topic", REQUESTS.getBytes(StandardCharsets.UTF_8));
            return rec;
        });
        ConsumerRecord<String, String> dead = awaitDeadLetter(r.pid(), reason);

        String listed = given().auth()
                .oauth2(operatorToken())
                .get(PATH + "?limit=500")
                .then()
                .statusCode(200)
                .body("find { it.eventId == '" + eventId + "' }.reason", equalTo(reason))
                .extract()
                .asString();
        assertFalse(listed.contains(r.pid()), "the listing shows the personal ID number");
        assertFalse(listed.contains(r.json().substring(0, 20)), "the listing shows the payload");

        redrive(operatorToken(), dead.partition(), dead.offset(), "{\"reason\":\"SMSC maintenance is over\"}")
                .then()
                .statusCode(200)
                .body("lastRedrive.outcome", equalTo("HANDLED"))
                .body("lastRedrive.operator", equalTo("operator1"));
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> smsTo(r).size() == 1);

        redrive(operatorToken(), dead.partition(), dead.offset(), "{\"reason\":\"again\"}")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // the request topic's own redelivery of the event: the inbox knows it
        send(r, eventId);
        var ends = TestKafka.endOffsets(REQUESTS);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> TestKafka.committed("notification-service", ends));
        assertEquals(1, smsTo(r).size(), "a re-driven request was sent twice");
    }

    @Test
    void theServicesOwnUndeliverableSmsEventsOnTheTopicAreNotDeadLettersOfTheConsumer() throws Exception {
        // notification-service publishes vn.gov.eid.sms.dead-lettered.v1 to the same topic: no failure reason
        String pid = newPid();
        String eventId = UUID.randomUUID().toString();
        // the contract's example: other tests check every such record on the topic against the schema
        String example = java.nio.file.Files.readString(
                java.nio.file.Path.of("..", "contracts", "events", "vn.gov.eid.sms.dead-lettered.v1.example.json"));
        TestKafka.sendCloudEvent(
                DLQ, pid, "vn.gov.eid.sms.dead-lettered.v1", eventId, example, "/eid/notification-service", rec -> rec);
        ConsumerRecord<String, String> own = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TestKafka.readAll(DLQ).stream()
                                .filter(rec -> pid.equals(rec.key()))
                                .findFirst()
                                .orElse(null),
                        java.util.Objects::nonNull);
        String listed = given().auth()
                .oauth2(operatorToken())
                .get(PATH + "?limit=500")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(listed.contains(eventId), "an undeliverable-SMS event is listed as a dead letter");
        redrive(operatorToken(), own.partition(), own.offset(), "{\"reason\":\"x\"}")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:vn-eid:problem:dead-letter-not-found"));
    }

    @Test
    void refusesMissingAndInvalidTokensWith401AndOtherRolesWith403() {
        given().get(PATH).then().statusCode(401).contentType("application/problem+json");
        redrive(TestTokens.expired("operator1", "operator"), 0, 0, "{\"reason\":\"x\"}")
                .then()
                .statusCode(401);
        for (String token : new String[] {
            TestTokens.expired("operator1", "operator"),
            TestTokens.wrongIssuer("operator1", "operator"),
            TestTokens.otherKey("operator1", "operator"),
            TestTokens.tampered("officer1", "officer"),
            TestTokens.unsigned("operator1", "operator")
        }) {
            given().auth().oauth2(token).get(PATH).then().statusCode(401);
        }
        for (String role : new String[] {"officer", "supervisor", "partner", "citizen"}) {
            String token = TestTokens.token("someone", role);
            given().auth().oauth2(token).get(PATH).then().statusCode(403);
            redrive(token, 0, 0, "{\"reason\":\"x\"}").then().statusCode(403);
        }
    }
}
