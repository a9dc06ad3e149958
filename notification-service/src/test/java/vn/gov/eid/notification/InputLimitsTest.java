package vn.gov.eid.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.notification.Fixtures.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.notification.domain.FailureCategory;
import vn.gov.eid.notification.domain.Purpose;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;

/**
 * Input limits of the operator API (issue 9 item 4): query values of the wrong type or out of bounds, malformed
 * ids, oversized or hostile retry bodies and headers are each a 4xx problem+json that names what was wrong, never a
 * 5xx; a refused retry stores nothing and sends nothing.
 */
@QuarkusTest
class InputLimitsTest {

    private static final String PATH = "/api/v1/messages";
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Inject
    EntityManager em;

    @Inject
    SmsConfig config;

    /** GET with one query parameter written exactly as {@code name=value} (percent-encoded), empty values too. */
    private static ValidatableResponse list(String name, String value) {
        return given().auth()
                .oauth2(operatorToken())
                .urlEncodingEnabled(false)
                .get(PATH + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))
                .then();
    }

    private static void assertRefusedNaming(ValidatableResponse r, String field) {
        r.statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:validation"))
                .body("violations.field", equalTo(List.of(field)));
    }

    // ---- GET /api/v1/messages ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "+1000000000-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "1899-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z",
                "2026-02-30T00:00:00Z",
                "yesterday"
            })
    void instantsOutsideTheYears1900To9999OrMalformedAre400NamingTheParameter(String value) {
        // These two reached PostgreSQL before ("timestamp out of range", 500).
        assertRefusedNaming(list("from", value), "from");
        assertRefusedNaming(list("to", value), "to");
    }

    @Test
    void theBoundsOfTheTimeFilterAreAccepted() {
        given().auth()
                .oauth2(operatorToken())
                .queryParam("from", "1900-01-01T00:00:00Z")
                .queryParam("to", "9999-12-31T23:59:59Z")
                .queryParam("personalIdNumber", newPid())
                .get(PATH)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"abc", "0", "-1", "1001", "2147483648", "9223372036854775808", "1e3"})
    void aLimitThatIsNotAWholeNumberFrom1To1000Is400NamingIt(String value) {
        // "abc" answered 404 before (JAX-RS's answer to a query value it cannot convert).
        assertRefusedNaming(list("limit", value), "limit");
    }

    @Test
    void theLargestLimitIsAccepted() {
        int max = config.limits().maxListSize();
        list("limit", String.valueOf(max)).statusCode(200).body("size()", lessThan(max + 1));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"SENT", "' OR '1'='1"})
    void anUnknownStateIs400NamingIt(String value) {
        assertRefusedNaming(list("state", value), "state");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "00120301234",
                "0012030123456",
                " 001203012345 ",
                "001203012345\u0000",
                "\uff10\uff10\uff11\uff12\uff10\uff13\uff10\uff11\uff12\uff13\uff14\uff15",
                "' OR '1'='1"
            })
    void aPersonalIdNumberThatIsNotTwelveDigitsIs400NamingIt(String value) {
        assertRefusedNaming(list("personalIdNumber", value), "personalIdNumber");
    }

    @Test
    void aLongPersonalIdNumberIs400NamingIt() {
        assertRefusedNaming(list("personalIdNumber", "1".repeat(2000)), "personalIdNumber");
    }

    @ParameterizedTest(name = "[{0}=]")
    @ValueSource(strings = {"personalIdNumber", "state", "from", "to", "limit"})
    void anEmptyValueIsNoFilter(String name) {
        // The framework hands an empty query value over as absent, like a form field left empty.
        list(name, "").statusCode(200);
    }

    @Test
    void everyBadParameterIsNamedInOneAnswer() {
        given().auth()
                .oauth2(operatorToken())
                .queryParam("personalIdNumber", "12ab")
                .queryParam("state", "nope")
                .queryParam("from", "+1000000000-01-01T00:00:00Z")
                .queryParam("to", "-999999999-01-01T00:00:00Z")
                .queryParam("limit", "abc")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("personalIdNumber", "state", "from", "to", "limit")));
    }

    @Test
    void anOversizedGarbageTokenIs401Problem() {
        given().header("Authorization", "Bearer " + "a".repeat(8000))
                .get(PATH)
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
    }

    // ---- POST /api/v1/messages/{id}/retry --------------------------------------------------------------------------

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "not-a-uuid",
                "1-1-1-1-1",
                "00000000-0000-0000-0000-0000000000001",
                "%27%20OR%20%271%27%3D%271",
                "%00"
            })
    void aMalformedMessageIdIs404MessageNotFound(String id) {
        given().auth()
                .oauth2(operatorToken())
                .contentType("application/json")
                .body(Map.of("reason", "x"))
                .urlEncodingEnabled(false)
                .post(PATH + "/" + id + "/retry")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:message-not-found"));
    }

    @Test
    void aLongMessageIdIs404MessageNotFound() {
        given().auth()
                .oauth2(operatorToken())
                .contentType("application/json")
                .body(Map.of("reason", "x"))
                .post(PATH + "/" + "f".repeat(2000) + "/retry")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:message-not-found"));
    }

    /** How a body travels: with a Content-Length, or chunked without one. */
    enum Framing {
        DECLARED,
        CHUNKED
    }

    private static HttpResponse<String> post(String path, byte[] body, Framing framing) throws Exception {
        HttpRequest.BodyPublisher publisher = framing == Framing.DECLARED
                ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + operatorToken())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(publisher)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A FAILED message that keeps its ciphertext, as the SMSC's refusal leaves it: an operator may retry it. */
    private String failedMessage() throws Exception {
        Request r = request("CREDENTIAL_RESET");
        Instant now = Instant.now();
        SmsMessage m = storedRow(r, Purpose.CREDENTIAL_RESET, "NGUYEN VAN AN", SmsState.FAILED, now);
        m.attempts = 1;
        m.finalAt = now;
        m.recordFailure(FailureCategory.REJECTED, "REJECTED: refused by the SMSC (test)");
        QuarkusTransaction.requiringNew().run(m::persist);
        return m.id.toString();
    }

    private String state(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> String.valueOf(em.createNativeQuery("select state from sms_message where id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .getSingleResult()));
    }

    private long audits(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select count(*) from sms_retry where message_id = ?1")
                                .setParameter(1, UUID.fromString(id))
                                .getSingleResult())
                        .longValue());
    }

    private void assertUntouched(String id) {
        assertEquals("FAILED", state(id));
        assertEquals(0, audits(id), "a refused retry writes no audit row");
    }

    /** The body {"reason": ...} with the reason written as JSON escapes (\\uXXXX), each of its UTF-16 units. */
    private static byte[] escaped(String reason) {
        StringBuilder sb = new StringBuilder("{\"reason\":\"");
        for (char c : reason.toCharArray()) {
            sb.append(String.format("\\u%04x", (int) c));
        }
        return sb.append("\",\"confirmDuplicateRisk\":false}").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void aBodyOverTheLimitIs413ProblemAndChangesNothing(Framing framing) throws Exception {
        String id = failedMessage();
        int limit = config.limits().bodyBytes();
        String prefix = "{\"reason\":\"x\",\"padding\":\"";
        String over = prefix + "p".repeat(limit + 1 - prefix.length() - 2) + "\"}";
        assertEquals(limit + 1, over.length());
        int submits = SmscTestResource.smsc.submitCount();
        HttpResponse<String> r = post(PATH + "/" + id + "/retry", over.getBytes(StandardCharsets.US_ASCII), framing);
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(
                "urn:vn-eid:problem:request-entity-too-large",
                JsonPath.from(r.body()).getString("type"));
        assertUntouched(id);
        assertEquals(submits, SmscTestResource.smsc.submitCount());
    }

    @Test
    void hostileRetryBodiesAre400NamingTheFieldAndChangeNothing() throws Exception {
        String id = failedMessage();
        String path = PATH + "/" + id + "/retry";
        Map<String, String> reasons = Map.of(
                "too long", "r".repeat(501),
                "NUL", "a\u0000b",
                "lone surrogate", "\ud800",
                "terminal escape", "\u001b[31mred",
                "bidi override", "\u202egnp.exe",
                "blank", " \t ");
        for (Map.Entry<String, String> e : reasons.entrySet()) {
            given().auth()
                    .oauth2(operatorToken())
                    .contentType("application/json")
                    .body(escaped(e.getValue()))
                    .post(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vn-eid:problem:validation"))
                    .body("violations.field", equalTo(List.of("reason")));
        }
        // Only the literals true and false confirm (or not): Jackson alone would take 1 or "true" as a confirmation.
        for (String confirm : List.of("\"maybe\"", "1", "0", "\"true\"", "\"false\"", "[true]", "{}")) {
            given().auth()
                    .oauth2(operatorToken())
                    .contentType("application/json")
                    .body("{\"reason\":\"x\",\"confirmDuplicateRisk\":" + confirm + "}")
                    .post(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vn-eid:problem:malformed-body"))
                    .body("detail", containsString("confirmDuplicateRisk"));
        }
        for (String body : List.of(
                "{\"reason\":{\"$gt\":\"\"}}",
                "[]",
                "{\"reason\":",
                "{\"reason\":\"x\",\"deep\":" + "[".repeat(3000) + "]".repeat(3000) + "}")) {
            given().auth()
                    .oauth2(operatorToken())
                    .contentType("application/json")
                    .body(body)
                    .post(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        assertUntouched(id);
    }

    @Test
    void refusalsLogAtMostOneLineEachAndNoPersonalData() throws Exception {
        String pid = newPid();
        String reason = "a\u0000b citizen " + pid;
        String id = failedMessage();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLoggerName() != null
                        && (r.getLoggerName().startsWith("vn.gov.eid.notification.rest")
                                || r.getLoggerName().startsWith("vn.gov.eid.platform.http"))) {
                    lines.add(r.getLevel() + " " + r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()));
                }
                if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    lines.add("SEVERE " + r.getMessage());
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            list("personalIdNumber", pid + "x").statusCode(400);
            list("from", "+1000000000-01-01T00:00:00Z").statusCode(400);
            given().auth()
                    .oauth2(operatorToken())
                    .contentType("application/json")
                    .body(escaped(reason))
                    .post(PATH + "/" + id + "/retry")
                    .then()
                    .statusCode(400);
            assertTrue(lines.isEmpty(), "validation failures are not logged: " + lines);
            HttpResponse<String> r = post(
                    PATH + "/" + id + "/retry",
                    ("{\"reason\":\"" + pid + "x".repeat(20_000) + "\"}").getBytes(StandardCharsets.US_ASCII),
                    Framing.DECLARED);
            assertEquals(413, r.statusCode());
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(1, lines.size(), "one line for the 413: " + lines);
        assertFalse(lines.get(0).contains(pid), lines.get(0));
        assertFalse(lines.get(0).startsWith("SEVERE"), lines.get(0));
        assertUntouched(id);
    }

    @Test
    void theLargestValidRetryBodyIsAccepted() throws Exception {
        String id = failedMessage();
        // 500 Vietnamese characters, every one written as a JSON escape: the largest body a valid retry needs.
        String reason = "\u1ec7".repeat(500);
        byte[] body = escaped(reason);
        assertTrue(body.length > 3000 && body.length < config.limits().bodyBytes(), body.length + " bytes");
        HttpResponse<String> r = post(PATH + "/" + id + "/retry", body, Framing.CHUNKED);
        assertEquals(202, r.statusCode(), r.body());
        assertEquals(reason, JsonPath.from(r.body()).getString("reason"));
        assertEquals(1, audits(id));
    }
}
