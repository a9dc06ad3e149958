package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.gov.eid.dossier.DossierApi.BASE;
import static vn.gov.eid.dossier.DossierApi.act;
import static vn.gov.eid.dossier.DossierApi.finger;
import static vn.gov.eid.dossier.DossierApi.officer;
import static vn.gov.eid.dossier.DossierApi.putBiometrics;
import static vn.gov.eid.dossier.DossierApi.step;
import static vn.gov.eid.dossier.DossierApi.submitted;
import static vn.gov.eid.dossier.DossierApi.supervisor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Biometrics capture (limits, storage apart, required before APPROVE) and verification of integrated documents. */
@QuarkusTest
class BiometricsAndDocumentsTest {

    @Test
    void captureIsSummarisedNeverEchoedAndUnlocksApproval() {
        String id = submitted(DossierApi.newIssue());
        step(id, "START_REVIEW");
        Map<String, Object> capture = DossierApi.biometrics();
        Response r = putBiometrics(id, capture, officer());
        r.then()
                .statusCode(200)
                .body("portraitWidth", equalTo(480))
                .body("portraitHeight", equalTo(640))
                .body("fingerprints.finger", hasItem("RIGHT_INDEX"))
                .body("capturedBy", equalTo("officer1"));
        String portrait = (String) capture.get("portrait");
        assertFalse(r.asString().contains(portrait.substring(0, 40)), "the portrait is never sent back");
        Response view = given().auth().oauth2(supervisor()).get(BASE + "/" + id);
        view.then().body("biometricsCaptured", equalTo(true));
        assertFalse(view.asString().contains("template-"), "templates never in a view");
        act(id, "APPROVE", null, supervisor()).then().statusCode(200);
    }

    static Stream<Arguments> badCaptures() {
        return Stream.of(
                bad(
                        "portrait",
                        "PORTRAIT_JPEG",
                        b -> b.put("portrait", Base64.getEncoder().encodeToString("\u0089PNG not a jpeg".getBytes()))),
                bad("portrait", "must be base64", b -> b.put("portrait", "***")),
                bad("portrait", "PORTRAIT_DIMENSIONS", b -> b.put("portrait", DossierApi.jpeg(100, 120))),
                bad("portrait", "PORTRAIT_DIMENSIONS", b -> b.put("portrait", DossierApi.jpeg(2400, 3000))),
                bad(
                        "portrait",
                        "PORTRAIT_SIZE",
                        b -> b.put("portrait", Base64.getEncoder().encodeToString(new byte[600_000]))),
                bad("fingerprints", "MIN_FINGERS", b -> b.put("fingerprints", List.of(finger("RIGHT_INDEX", 80)))),
                bad(
                        "fingerprints[1].finger",
                        "DISTINCT_FINGERS",
                        b -> b.put("fingerprints", List.of(finger("RIGHT_INDEX", 80), finger("RIGHT_INDEX", 90)))),
                bad(
                        "fingerprints[0].quality",
                        "MIN_QUALITY",
                        b -> b.put("fingerprints", List.of(finger("RIGHT_INDEX", 12), finger("LEFT_INDEX", 80)))),
                bad(
                        "fingerprints[0].quality",
                        "must be less than or equal to 100",
                        b -> b.put("fingerprints", List.of(finger("RIGHT_INDEX", 101), finger("LEFT_INDEX", 80)))),
                bad(
                        "fingerprints[1].template",
                        "must be base64",
                        b -> b.put(
                                "fingerprints",
                                List.of(
                                        finger("RIGHT_INDEX", 80),
                                        Map.of("finger", "LEFT_INDEX", "quality", 80, "template", "%%%")))));
    }

    static Arguments bad(String field, String rule, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, rule, change);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badCaptures")
    void badCaptureIs400AndNothingIsStored(String field, String rule, Consumer<Map<String, Object>> change) {
        String id = submitted(DossierApi.newIssue());
        Map<String, Object> capture = new java.util.LinkedHashMap<>(DossierApi.biometrics());
        change.accept(capture);
        putBiometrics(id, capture, officer())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.find { it.field == '" + field + "' }.message", containsString(rule));
        given().auth().oauth2(officer()).get(BASE + "/" + id).then().body("biometricsCaptured", equalTo(false));
        step(id, "START_REVIEW");
        act(id, "APPROVE", null, supervisor()).then().statusCode(409);
    }

    @Test
    void theReadmeSampleCaptureIsAccepted() throws Exception {
        String sample = java.nio.file.Files.readString(java.nio.file.Path.of("samples", "biometrics.json"));
        String id = submitted(DossierApi.newIssue());
        given().auth()
                .oauth2(officer())
                .contentType("application/json")
                .body(sample)
                .put(BASE + "/" + id + "/biometrics")
                .then()
                .statusCode(200)
                .body("portraitWidth", equalTo(240))
                .body("portraitHeight", equalTo(320));
    }

    @Test
    void biometricsAreLockedOnceApproved() {
        String id = submitted(DossierApi.newIssue());
        List.of("START_REVIEW", "APPROVE").forEach(a -> step(id, a));
        putBiometrics(id, DossierApi.biometrics(), officer())
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:vn-eid:problem:dossier-locked"));
    }

    @Test
    void unverifiedDocumentBlocksCompletionUntilTheOfficerVerifiesIt() {
        Map<String, Object> body = DossierApi.newIssue();
        String pid = DossierApi.pidOf(body);
        DossierValidationTest.registrationOf(body)
                .put(
                        "integratedDocuments",
                        List.of(
                                Map.of(
                                        "type",
                                        "DRIVER_LICENSE",
                                        "number",
                                        "790123456789",
                                        "issueDate",
                                        "2024-01-01",
                                        "expiryDate",
                                        "2034-01-01",
                                        "originalVerified",
                                        false),
                                Map.of(
                                        "type",
                                        "HEALTH_INSURANCE",
                                        "number",
                                        "DN4010123456789",
                                        "originalVerified",
                                        true)));
        String id = submitted(body);
        List.of("START_REVIEW", "APPROVE").forEach(a -> step(id, a));
        act(id, "COMPLETE", null, supervisor())
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:vn-eid:problem:unverified-documents"))
                .body("unverifiedDocuments", equalTo(List.of("DRIVER_LICENSE")));
        given().auth()
                .oauth2(officer())
                .post(BASE + "/" + id + "/integrated-documents/SOCIAL_INSURANCE/verification")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(officer())
                .post(BASE + "/" + id + "/integrated-documents/DRIVER_LICENSE/verification")
                .then()
                .statusCode(200)
                .body(
                        "eidRegistration.integratedDocuments.find { it.type == 'DRIVER_LICENSE' }.originalVerified",
                        equalTo(true));
        act(id, "COMPLETE", null, supervisor()).then().statusCode(200).body("status", equalTo("COMPLETED"));
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id + "/history")
                .then()
                .body("action", hasItem("VERIFY_DOCUMENT"));
        List<ConsumerRecord<String, String>> mine = await().atMost(Duration.ofSeconds(20))
                .until(() -> DossierWorkflowTest.recordsOf(pid), r -> r.size() == 3);
        for (ConsumerRecord<String, String> rec : mine) {
            assertFalse(rec.value().contains("template-"), "no biometrics in events");
            assertFalse(rec.value().contains("portrait"), "no biometrics in events");
        }
        given().auth()
                .oauth2(officer())
                .post(BASE + "/" + id + "/integrated-documents/DRIVER_LICENSE/verification")
                .then()
                .statusCode(409);
    }
}
