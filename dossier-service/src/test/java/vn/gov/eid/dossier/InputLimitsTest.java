package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.dossier.DossierApi.BASE;
import static vn.gov.eid.dossier.DossierApi.officer;
import static vn.gov.eid.dossier.DossierApi.submitted;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.dossier.domain.Finger;

/**
 * Input limits: bodies per endpoint (declared and chunked), the largest valid inputs still accepted, header bounds
 * and nesting; every refusal a 4xx problem+json that names what was wrong, with nothing stored.
 */
@QuarkusTest
class InputLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Inject
    DataSource dataSource;

    @Inject
    DossierConfig config;

    /** How a body travels: with a Content-Length, or chunked without one. */
    enum Framing {
        DECLARED,
        CHUNKED
    }

    /** Sends the body as an officer, declared or chunked. */
    static HttpResponse<String> send(String method, String path, byte[] body, Framing framing) throws Exception {
        HttpRequest.BodyPublisher publisher = framing == Framing.DECLARED
                ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + officer())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .method(method, publisher)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static byte[] json(Object value) throws Exception {
        return JSON.writeValueAsBytes(value);
    }

    /** A valid submission padded with an unknown member (which the reader ignores) to about this many bytes. */
    static byte[] padded(Map<String, Object> body, int bytes) throws Exception {
        int bare = json(body).length;
        body.put("padding", "x".repeat(bytes - bare - ",\"padding\":\"\"".length()));
        byte[] out = json(body);
        assertEquals(bytes, out.length);
        return out;
    }

    static void assertTooLarge(HttpResponse<String> r) {
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(
                "urn:vn-eid:problem:request-entity-too-large",
                JsonPath.from(r.body()).getString("type"));
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void aSubmissionOverTheDefaultLimitIs413AndNothingIsStored(Framing framing) throws Exception {
        int limit = config.limits().bodyBytes();
        Map<String, Object> over = DossierApi.newIssue();
        assertTooLarge(send("POST", BASE, padded(over, limit + 1), framing));
        assertEquals(0, DossierApi.storedDossiers(dataSource, DossierApi.pidOf(over)));
        assertEquals(0, DossierApi.outboxEvents(dataSource, DossierApi.pidOf(over)));

        Map<String, Object> atLimit = DossierApi.newIssue();
        HttpResponse<String> accepted = send("POST", BASE, padded(atLimit, limit), framing);
        assertEquals(201, accepted.statusCode(), accepted.body());
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void aTransitionOverTheDefaultLimitIs413AndChangesNothing(Framing framing) throws Exception {
        String id = submitted(DossierApi.newIssue());
        Map<String, Object> body = new LinkedHashMap<>(Map.of("action", "START_REVIEW"));
        assertTooLarge(send("POST", BASE + "/" + id + "/transitions", padded(body, 300_000), framing));
        given().auth().oauth2(officer()).get(BASE + "/" + id).then().body("status", equalTo("SUBMITTED"));
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void biometricsTakeTheirLargerLimitAndNoMore(Framing framing) throws Exception {
        String id = submitted(DossierApi.newIssue());
        String path = BASE + "/" + id + "/biometrics";
        Map<String, Object> over = DossierApi.biometrics();
        over.put(
                "portrait",
                Base64.getEncoder().encodeToString(jpeg(config.biometrics().maxPortraitBytes())));
        assertTooLarge(send("PUT", path, padded(over, config.limits().biometricsBodyBytes() + 1), framing));
        assertEquals(0, DossierApi.storedBiometrics(dataSource, id));

        // well above the default limit, well within the biometrics one
        Map<String, Object> capture = DossierApi.biometrics();
        byte[] portrait = jpeg(3 * config.limits().bodyBytes() / 2);
        capture.put("portrait", Base64.getEncoder().encodeToString(portrait));
        HttpResponse<String> stored = send("PUT", path, json(capture), framing);
        assertEquals(200, stored.statusCode(), stored.body());
        assertEquals(portrait.length, JsonPath.from(stored.body()).getInt("portraitBytes"));
        assertEquals(1, DossierApi.storedBiometrics(dataSource, id));
    }

    /** The biometrics body limit is sized from the biometrics rules: their largest capture fits. */
    @Test
    void theLargestValidCaptureFitsTheBiometricsLimit() throws Exception {
        String id = submitted(DossierApi.newIssue());
        DossierConfig.BiometricsLimits limits = config.biometrics();
        List<Map<String, Object>> fingers = new ArrayList<>();
        for (Finger f : Finger.values()) {
            byte[] template = new byte[limits.maxTemplateBytes()];
            java.util.Arrays.fill(template, (byte) f.ordinal());
            fingers.add(Map.of(
                    "finger",
                    f.name(),
                    "quality",
                    100,
                    "template",
                    Base64.getEncoder().encodeToString(template)));
        }
        Map<String, Object> capture = new LinkedHashMap<>();
        capture.put("portrait", Base64.getEncoder().encodeToString(jpeg(limits.maxPortraitBytes())));
        capture.put("fingerprints", fingers);
        byte[] body = json(capture);
        assertTrue(body.length > config.limits().bodyBytes(), "needs the larger limit: " + body.length);
        HttpResponse<String> r = send("PUT", BASE + "/" + id + "/biometrics", body, Framing.DECLARED);
        assertEquals(200, r.statusCode(), body.length + " bytes: " + r.body());
        assertEquals(limits.maxPortraitBytes(), JsonPath.from(r.body()).getInt("portraitBytes"));
    }

    /** The default limit holds the largest valid submission, even in Vietnamese at three bytes a character. */
    @Test
    void theLargestValidSubmissionFitsTheDefaultLimit() throws Exception {
        Map<String, Object> body = DossierApi.newIssue();
        Map<String, Object> a = DossierValidationTest.applicantOf(body);
        for (var field : Map.of(
                        "fullName", 100,
                        "otherNames", 100,
                        "placeOfBirthRegistration", 200,
                        "nativePlace", 200,
                        "ethnicity", 50,
                        "religion", 50,
                        "nationality", 60,
                        "permanentAddress", 300,
                        "currentAddress", 300,
                        "occupation", 100)
                .entrySet()) {
            a.put(field.getKey(), vi(field.getValue()));
        }
        a.put("identifyingMarks", vi(300));
        Map<String, Object> relative = Map.of("fullName", vi(100), "nationality", vi(60));
        for (String r : List.of("father", "mother", "spouse", "legalRepresentative")) {
            a.put(r, relative);
        }
        a.put("householder", Map.of("fullName", vi(100), "relationship", vi(50)));
        Map<String, Object> reg = DossierValidationTest.registrationOf(body);
        reg.put("email", "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".vn");
        List<Map<String, Object>> dependents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            dependents.add(Map.of(
                    "fullName", vi(100),
                    "dateOfBirth", "2020-01-02",
                    "relationship", vi(50),
                    "supportingDocuments", java.util.Collections.nCopies(10, vi(200))));
        }
        reg.put("dependents", dependents);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            documents.add(Map.of("type", "HEALTH_INSURANCE", "number", "D".repeat(50), "originalVerified", false));
        }
        reg.put("integratedDocuments", documents);
        byte[] json = json(body);
        assertEquals(254, ((String) reg.get("email")).length());
        HttpResponse<String> r = send("POST", BASE, json, Framing.DECLARED);
        assertEquals(201, r.statusCode(), json.length + " bytes: " + r.body());
    }

    /** Vietnamese text of this many characters, each three bytes in UTF-8 (ệ). */
    static String vi(int characters) {
        return "\u1ec7".repeat(characters);
    }

    @ParameterizedTest(name = "Idempotency-Key [{0}]")
    @ValueSource(strings = {"129", "with space", "caf\u00e9", "tab\there"})
    void aBadIdempotencyKeyIs400NamingItAndNothingIsStored(String key) throws Exception {
        Map<String, Object> body = DossierApi.newIssue();
        String value = key.equals("129") ? "k".repeat(129) : key;
        IdempotencyTest.submit(value, body, officer())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("Idempotency-Key")));
        assertEquals(0, DossierApi.storedDossiers(dataSource, DossierApi.pidOf(body)));
    }

    @Test
    void theLongestIdempotencyKeyIsAccepted() {
        String key = UUID.randomUUID() + "~" + "k".repeat(128 - 37);
        assertEquals(128, key.length());
        IdempotencyTest.submit(key, DossierApi.newIssue(), officer()).then().statusCode(201);
    }

    @ParameterizedTest(name = "If-Match [{0}]")
    @ValueSource(strings = {"abc", "\"0", "\"0\" or 1=1", "65"})
    void aMalformedIfMatchIs400NamingItAndChangesNothing(String ifMatch) throws Exception {
        String id = submitted(DossierApi.newIssue());
        String value = ifMatch.equals("65") ? "\"" + "0".repeat(63) + "\"" : ifMatch;
        given().auth()
                .oauth2(officer())
                .header("If-Match", value)
                .contentType("application/json")
                .body(Map.of("action", "START_REVIEW"))
                .post(BASE + "/" + id + "/transitions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("If-Match")));
        given().auth()
                .oauth2(officer())
                .header("If-Match", value)
                .contentType("application/json")
                .body(DossierApi.biometrics())
                .put(BASE + "/" + id + "/biometrics")
                .then()
                .statusCode(400)
                .body("violations.field", equalTo(List.of("If-Match")));
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id)
                .then()
                .body("status", equalTo("SUBMITTED"))
                .body("biometricsCaptured", equalTo(false));
    }

    @Test
    void aNoteOverItsLengthIs400NamingIt() {
        String id = submitted(DossierApi.newIssue());
        DossierApi.act(id, "START_REVIEW", "n".repeat(1001), officer())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("note"));
    }

    @Test
    void deeplyNestedJsonIs400AndNothingIsStored() throws Exception {
        Map<String, Object> body = DossierApi.newIssue();
        String valid = JSON.writeValueAsString(body);
        String nested = "[".repeat(5000) + "]".repeat(5000);
        String hostile = "{\"deep\":" + nested + "," + valid.substring(1);
        HttpResponse<String> r = send("POST", BASE, hostile.getBytes(), Framing.DECLARED);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(0, DossierApi.storedDossiers(dataSource, DossierApi.pidOf(body)));
    }

    /** A JPEG of exactly this many bytes: a 480x640 image padded with comment segments after its start marker. */
    static byte[] jpeg(int bytes) {
        byte[] image = Base64.getDecoder().decode(DossierApi.jpeg(480, 640));
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes);
        out.write(image, 0, 2);
        int missing = bytes - image.length;
        while (missing > 0) {
            // a segment is its marker (2 bytes), its length field (2, counted in the length) and data
            int segment = Math.min(missing, 65_537);
            if (missing - segment > 0 && missing - segment < 4) {
                segment -= 4;
            }
            int length = segment - 2;
            out.write(0xFF);
            out.write(0xFE);
            out.write(length >> 8);
            out.write(length & 0xFF);
            out.write(new byte[length - 2], 0, length - 2);
            missing -= segment;
        }
        out.write(image, 2, image.length - 2);
        byte[] result = out.toByteArray();
        assertEquals(bytes, result.length);
        return result;
    }
}
