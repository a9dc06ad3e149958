package vn.gov.eid.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.InfraTestResource;
import vn.gov.eid.testsupport.RawHttp;

/**
 * Hostile requests as raw bytes on a socket (java.net.http refuses to send most of them), as every service receives
 * them: never a 5xx; every client error the platform can reach is problem+json that does not quote the input, and
 * nothing is logged at ERROR or with the input. The requests that Vert.x or Quarkus answer before any handler of
 * ours are pinned down too, with the class that decides them: when an upgrade changes one, this test says so.
 */
@QuarkusTest
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform"),
        restrictToAnnotatedClass = true)
class HostileRequestsTest {

    /** Put into every hostile input; no answer and no log line may repeat it. */
    static final String MARK = "QXJZW";

    static final String HEAD = "Host: localhost\r\nConnection: close\r\n";

    @TestHTTPResource("/")
    URL base;

    final List<String> logged = new CopyOnWriteArrayList<>();

    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String line = r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage() + " "
                    + Arrays.toString(r.getParameters()) + " " + r.getThrown();
            boolean error = r.getLevel().intValue() >= Level.SEVERE.intValue();
            boolean fromBroker = r.getLoggerName() != null && r.getLoggerName().contains("kafka");
            if ((error && !fromBroker) || line.contains(MARK)) {
                logged.add(line);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void nothingLoggedAtErrorOrWithTheInput() {
        Logger.getLogger("").removeHandler(capture);
        assertEquals(List.of(), logged);
    }

    @Test
    void badPercentEscapesInAFormAre400Problems() {
        for (String form : List.of("x=%zz" + MARK, "a=1&x=" + MARK + "%", "%zz" + MARK + "=1", "x=%4" + MARK)) {
            RawHttp.Answer answer = send(form("/probe/form", form));
            assertProblem(answer, 400, "urn:vn-eid:problem:malformed-request", form);
        }
    }

    @Test
    void aFormWithTooManyFieldsIsA400Problem() {
        StringBuilder form = new StringBuilder("x=" + MARK);
        for (int i = 0; i < 20_000; i++) {
            form.append("&f").append(i).append('=').append(MARK);
        }
        assertTrue(form.length() > 80_000, "the size of the sweep's form");
        assertProblem(send(form("/probe/form", form.toString())), 400, "urn:vn-eid:problem:too-many-parameters", "");
    }

    @Test
    void aTargetThatIsNotAPathIsA404Problem() {
        assertProblem(send("OPTIONS * HTTP/1.1\r\n" + HEAD + "\r\n"), 404, "urn:vn-eid:problem:not-found", "*");
        assertProblem(send("GET * HTTP/1.1\r\n" + HEAD + "\r\n"), 404, "urn:vn-eid:problem:not-found", "*");
    }

    @Test
    void aRequestWithoutOneValidHostIsA400Problem() {
        String type = "urn:vn-eid:problem:malformed-request";
        assertProblem(send("GET /probe/query?a=" + MARK + " HTTP/1.1\r\nConnection: close\r\n\r\n"), 400, type, "");
        assertProblem(
                send("GET /probe/query HTTP/1.1\r\nHost: a " + MARK + "\r\nConnection: close\r\n\r\n"), 400, type, "");
        assertProblem(
                send("GET /probe/query HTTP/1.1\r\nHost: localhost\r\nHost: " + MARK + "\r\nConnection: close\r\n\r\n"),
                400,
                type,
                "");
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        int size = 11 * 1024 * 1024; // over Quarkus' default quarkus.http.limits.max-body-size (10 MiB)
        byte[] head = ("POST /probe/validate HTTP/1.1\r\n" + HEAD + "X-Note: " + MARK + "\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + size + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] request = Arrays.copyOf(head, head.length + size);
        Arrays.fill(request, head.length, request.length, (byte) ' ');
        RawHttp.Answer answer = RawHttp.exchange(base.getPort(), request);
        assertProblem(answer, 413, "urn:vn-eid:problem:request-entity-too-large", "");
        assertEquals("close", answer.headers().get("connection"));
    }

    /**
     * Requests that fail HTTP/1.1 decoding in Netty's HttpObjectDecoder. Vert.x hands them to the server's invalid
     * request handler ({@code Http1xServerConnection.handleMessage}), which Quarkus never sets (its
     * {@code VertxHttpRecorder.WebDeploymentVerticle} has no hook for it), so Vert.x' own
     * {@code HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER} answers: 414, 431 or 400 without a body, and closes.
     */
    @Test
    void requestsThatFailHttpDecodingGetVertxsEmptyAnswer() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("GET /" + MARK + "a".repeat(5000) + " HTTP/1.1\r\n" + HEAD + "\r\n", 414);
        expected.put("GET /probe/query?a=" + MARK + "a".repeat(9000) + " HTTP/1.1\r\n" + HEAD + "\r\n", 414);
        expected.put(
                "GET /probe/query HTTP/1.1\r\n" + HEAD + "X-Big: " + MARK + "b".repeat(30 * 1024) + "\r\n\r\n", 431);
        expected.put("GET /probe/query HTTP/1.1\r\n" + HEAD + "X-A: a\0" + MARK + "\r\n\r\n", 400);
        expected.put("GET /probe/query HTTP/1.1\r\n" + HEAD + "X-A: a\r\n" + MARK + "\r\n\r\n", 400);
        expected.put("GET /probe/query HTTP/1.1\r\n" + HEAD + "X-A: a\n" + MARK + "\r\n\r\n", 400);
        expected.put("GET /probe/query HTTP/1.1\r\n" + HEAD + "X " + MARK + ": a\r\n\r\n", 400);
        expected.put("GET /probe/qu ery" + MARK + " HTTP/1.1\r\n" + HEAD + "\r\n", 400);
        expected.put("G@T /probe/query?" + MARK + " HTTP/1.1\r\n" + HEAD + "\r\n", 400);
        String form = "Content-Type: application/x-www-form-urlencoded\r\n";
        expected.put(
                "POST /probe/form HTTP/1.1\r\n" + HEAD + form
                        + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nx=1\r\n0\r\n\r\n",
                400);
        expected.put(
                "POST /probe/form HTTP/1.1\r\n" + HEAD + form + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nx=1",
                400);
        expected.put("POST /probe/form HTTP/1.1\r\n" + HEAD + form + "Content-Length: " + MARK + "\r\n\r\n", 400);
        expected.forEach((request, status) -> assertEmptyAnswer(send(request), status, request));
    }

    /**
     * A request target that java.net.URI refuses ({@code %zz} in the path or query, a lone {@code %}) is answered
     * 400 without a body by Quarkus' root handler ({@code VertxHttpRecorder} ACTUAL_ROOT, {@code uriValid}) before
     * any router or resource runs; only the JVM-wide system property vertx.disableURIValidation turns that off.
     */
    @Test
    void targetsThatAreNotUrisGetQuarkusEmptyAnswer() {
        for (String target : List.of("/probe/%zz" + MARK, "/probe/query?a=%zz" + MARK, "/probe/query?" + MARK + "=%")) {
            assertEmptyAnswer(send("GET " + target + " HTTP/1.1\r\n" + HEAD + "\r\n"), 400, target);
        }
    }

    /**
     * A chunked body (no Content-Length to check first) that grows over the limit while the endpoint reads it: the
     * platform's CountedBody stops at the endpoint's limit (256 KiB here), long before Quarkus' own 10 MiB, and the
     * answer is 413 problem+json.
     */
    @Test
    void aChunkedBodyOverTheLimitIsCountedAndRefusedWithProblemJson() {
        StringBuilder request = new StringBuilder("POST /probe/validate HTTP/1.1\r\n" + HEAD
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n9\r\n{\"name\":\"\r\n");
        String chunk = MARK + "a".repeat(65536 - MARK.length());
        // 576 KiB: over the limit, and within what is drained after the answer, so the client can read it
        for (int i = 0; i < 9; i++) {
            request.append("10000\r\n").append(chunk).append("\r\n");
        }
        request.append("2\r\n\"}\r\n0\r\n\r\n");
        assertProblem(
                send(request.toString()), 413, "urn:vn-eid:problem:request-entity-too-large", "576 KiB chunked JSON");
    }

    /** Chunk framing that breaks after the head: Vert.x fails the connection (ConnectionBase.fail), no answer. */
    @Test
    void brokenChunkFramingClosesTheConnection() {
        RawHttp.Answer answer = send("POST /probe/form HTTP/1.1\r\n" + HEAD
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                + MARK + "\r\nx=1\r\n0\r\n\r\n");
        assertEquals(0, answer.status(), answer.toString());
    }

    private RawHttp.Answer send(String request) {
        return RawHttp.exchange(base.getPort(), request);
    }

    private static String form(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\n" + HEAD + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body;
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String type, String sent) {
        String what = sent.length() > 60 ? sent.substring(0, 60) + "..." : sent;
        assertEquals(status, answer.status(), what + " -> " + answer);
        assertEquals("application/problem+json", answer.mediaType(), what + " -> " + answer);
        JsonObject body = new JsonObject(answer.body());
        assertEquals(type, body.getString("type"), what + " -> " + answer);
        assertEquals(status, body.getInteger("status"), what + " -> " + answer);
        assertFalse(body.getString("title", "").isBlank(), what + " -> " + answer);
        assertFalse(answer.body().contains(MARK), "the answer quotes the input: " + answer);
    }

    private static void assertEmptyAnswer(RawHttp.Answer answer, int status, String sent) {
        String what = sent.length() > 60 ? sent.substring(0, 60).replaceAll("[\\x00-\\x1f]", "?") + "..." : sent;
        assertEquals(status, answer.status(), what + " -> " + answer);
        assertEquals("0", answer.headers().get("content-length"), what + " -> " + answer);
        assertFalse(answer.headers().containsKey("content-type"), what + " -> " + answer);
    }
}
