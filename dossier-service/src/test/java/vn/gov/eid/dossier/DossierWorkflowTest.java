package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.dossier.DossierApi.BASE;
import static vn.gov.eid.dossier.DossierApi.TOPIC;
import static vn.gov.eid.dossier.DossierApi.act;
import static vn.gov.eid.dossier.DossierApi.officer;
import static vn.gov.eid.dossier.DossierApi.step;
import static vn.gov.eid.dossier.DossierApi.submitted;
import static vn.gov.eid.dossier.DossierApi.supervisor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.crypto.Sealing;
import vn.gov.eid.platform.signing.EventVerifier;
import vn.gov.eid.platform.signing.KafkaRecordSignatures;
import vn.gov.eid.testsupport.TestKafka;
import vn.gov.eid.testsupport.TestKeys;

/** The officer workflow end to end over HTTP, down to the records on the real Kafka topic. */
@QuarkusTest
class DossierWorkflowTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void completedDossierReachesTheTopicWithSealedContact() throws Exception {
        Map<String, Object> body = DossierApi.newIssue();
        String pid = DossierApi.pidOf(body);
        Response created = DossierApi.submit(body);
        created.then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("SUBMITTED"))
                .body("type", equalTo("ISSUE"))
                .body("applicant.personalIdNumber", equalTo(pid))
                .body("eidRegistration.phoneMasked", equalTo("+84******678"));
        assertFalse(created.asString().contains("912345678"), "a response must never show the full phone");
        String id = created.path("id");
        given().auth()
                .oauth2(officer())
                .get(created.header("Location"))
                .then()
                .statusCode(200)
                .body("id", equalTo(id));

        act(id, "START_REVIEW", "documents checked", officer())
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_REVIEW"));
        act(id, "APPROVE", null, supervisor())
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:vn-eid:problem:biometrics-missing"));
        DossierApi.putBiometrics(id, DossierApi.biometrics(), officer()).then().statusCode(200);
        act(id, "APPROVE", null, supervisor()).then().statusCode(200).body("status", equalTo("APPROVED"));
        act(id, "COMPLETE", null, supervisor()).then().statusCode(200).body("status", equalTo("COMPLETED"));

        List<ConsumerRecord<String, String>> mine =
                await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(pid), r -> r.size() == 3);
        assertEquals(
                List.of(
                        "vn.gov.eid.dossier.submitted.v1",
                        "vn.gov.eid.dossier.approved.v1",
                        "vn.gov.eid.dossier.completed.v1"),
                mine.stream().map(r -> header(r, "ce_type")).toList());

        ConsumerRecord<String, String> completed = mine.get(2);
        assertEquals(pid, completed.key());
        assertEquals("1.0", header(completed, "ce_specversion"));
        assertEquals("/eid/dossier-service", header(completed, "ce_source"));
        assertNotNull(header(completed, "ce_id"));
        assertNotNull(header(completed, "ce_time"));
        JsonNode data = JSON.readTree(completed.value());
        assertEquals(id, data.get("dossierId").asText());
        assertEquals("ISSUE", data.get("dossierType").asText());
        assertEquals(pid, data.get("personalIdNumber").asText());
        assertEquals("Nguyen Van An", data.get("fullName").asText());
        assertEquals("2003-05-14", data.get("dateOfBirth").asText());
        assertEquals("MALE", data.get("sex").asText());
        JsonNode reg = data.get("eidRegistration");
        assertEquals("+84******678", reg.get("phoneMasked").asText());
        assertEquals(
                "Nguyen Van Binh", reg.get("dependents").get(0).get("fullName").asText());
        assertEquals(
                "HEALTH_INSURANCE",
                reg.get("integratedDocuments").get(0).get("type").asText());
        // Only identity-service's contact key opens the contact data.
        Map<?, ?> contact = Sealing.open(
                reg.get("sealedContact").asText(), TestKeys.contactKeyPair().getPrivate(), Map.class);
        assertEquals(
                Map.of(
                        "phoneNumber",
                        "+84912345678",
                        "email",
                        "an@example.vn",
                        "personalIdNumber",
                        pid,
                        "dossierId",
                        id),
                contact);
        // Signed by dossier-service's event key, over headers, key and value.
        assertTrue(KafkaRecordSignatures.verify(
                        new EventVerifier(
                                List.of(TestKeys.eventKeyPair("DOSSIER").getPublic())),
                        completed)
                .verified());
        for (ConsumerRecord<String, String> r : mine) {
            assertFalse(r.value().contains("912345678"), "phone in clear on the topic: " + r.value());
            assertFalse(r.value().contains("an@example.vn"), "email in clear on the topic: " + r.value());
            assertFalse(r.value().contains("Nguyen Van Ba\""), "relatives must not travel: " + r.value());
        }

        given().auth()
                .oauth2(supervisor())
                .get(BASE + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body("action", contains("SUBMIT", "START_REVIEW", "CAPTURE_BIOMETRICS", "APPROVE", "COMPLETE"))
                .body("to", contains("SUBMITTED", "IN_REVIEW", "IN_REVIEW", "APPROVED", "COMPLETED"))
                .body("from", contains(null, "SUBMITTED", "IN_REVIEW", "IN_REVIEW", "APPROVED"))
                .body("actor", contains("officer1", "officer1", "officer1", "supervisor1", "supervisor1"))
                .body("note[1]", equalTo("documents checked"));
    }

    @Test
    void supplementLoopReturnsToReviewAndIsAudited() {
        String id = submitted(DossierApi.newIssue());
        step(id, "START_REVIEW");
        act(id, "REQUEST_SUPPLEMENT", "birth certificate missing", officer())
                .then()
                .statusCode(200)
                .body("status", equalTo("SUPPLEMENT_REQUESTED"));
        step(id, "RESUBMIT");
        step(id, "REQUEST_SUPPLEMENT");
        act(id, "START_REVIEW", null, officer()).then().statusCode(200).body("status", equalTo("IN_REVIEW"));
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body(
                        "action",
                        contains(
                                "SUBMIT",
                                "START_REVIEW",
                                "REQUEST_SUPPLEMENT",
                                "RESUBMIT",
                                "REQUEST_SUPPLEMENT",
                                "START_REVIEW"))
                .body("note[2]", equalTo("birth certificate missing"));
    }

    @Test
    void actionTheStateDoesNotAllowIs409AndChangesNothing() {
        String id = submitted(DossierApi.newIssue());
        act(id, "APPROVE", null, supervisor())
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:transition-not-allowed"))
                .body("status", equalTo(409))
                .body("allowedActions", hasItems("START_REVIEW", "REJECT"));
        act(id, "COMPLETE", null, supervisor()).then().statusCode(409);
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id)
                .then()
                .body("status", equalTo("SUBMITTED"))
                .header("ETag", equalTo("\"0\""));
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id + "/history")
                .then()
                .body("action", contains("SUBMIT"));
    }

    @Test
    void rejectionNeedsAReasonAndIsAnnounced() {
        Map<String, Object> body = DossierApi.newIssue();
        String pid = DossierApi.pidOf(body);
        String id = submitted(body);
        act(id, "REJECT", " ", supervisor())
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:vn-eid:problem:validation"))
                .body("violations.field", contains("note"));
        act(id, "REJECT", "photo does not match the applicant", supervisor())
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        act(id, "START_REVIEW", null, officer()).then().statusCode(409);
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id + "/history")
                .then()
                .body("note[1]", equalTo("photo does not match the applicant"));
        List<ConsumerRecord<String, String>> mine =
                await().atMost(Duration.ofSeconds(20)).until(() -> recordsOf(pid), r -> r.size() == 2);
        assertEquals("vn.gov.eid.dossier.rejected.v1", header(mine.get(1), "ce_type"));
    }

    @Test
    void supervisorMayStillRejectAnApprovedDossier() {
        String id = submitted(DossierApi.newIssue());
        List.of("START_REVIEW", "APPROVE").forEach(a -> step(id, a));
        act(id, "REJECT", "fraud found before the card was handed over", supervisor())
                .then()
                .statusCode(200)
                .body("status", equalTo("REJECTED"));
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id + "/history")
                .then()
                .body("from[-1]", equalTo("APPROVED"))
                .body("to[-1]", equalTo("REJECTED"));
    }

    @Test
    void wrongRoleForTheActionIs403() {
        String id = submitted(DossierApi.newIssue());
        act(id, "START_REVIEW", null, supervisor())
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:vn-eid:problem:action-not-permitted"));
        step(id, "START_REVIEW");
        act(id, "APPROVE", null, officer()).then().statusCode(403);
        act(id, "REJECT", "not mine to decide", officer()).then().statusCode(403);
        given().auth().oauth2(officer()).get(BASE + "/" + id).then().body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void staleIfMatchIs412() {
        String id = submitted(DossierApi.newIssue());
        String etag = given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        // The first officer wins with the ETag they read...
        given().auth()
                .oauth2(officer())
                .header("If-Match", etag)
                .contentType("application/json")
                .body(Map.of("action", "START_REVIEW"))
                .post(BASE + "/" + id + "/transitions")
                .then()
                .statusCode(200)
                .header("ETag", not(equalTo(etag)));
        // ...the second, acting on the same stale read, is refused.
        given().auth()
                .oauth2(officer())
                .header("If-Match", etag)
                .contentType("application/json")
                .body(Map.of("action", "REQUEST_SUPPLEMENT", "note", "x"))
                .post(BASE + "/" + id + "/transitions")
                .then()
                .statusCode(412)
                .body("type", equalTo("urn:vn-eid:problem:stale-dossier"));
        given().auth().oauth2(officer()).get(BASE + "/" + id).then().body("status", equalTo("IN_REVIEW"));
    }

    @Test
    void unknownDossierIs404() {
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:vn-eid:problem:dossier-not-found"));
        act(java.util.UUID.randomUUID().toString(), "START_REVIEW", null, officer())
                .then()
                .statusCode(404);
    }

    static List<ConsumerRecord<String, String>> recordsOf(String pid) {
        return TestKafka.readAll(TOPIC).stream()
                .filter(r -> pid.equals(r.key()))
                .toList();
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
