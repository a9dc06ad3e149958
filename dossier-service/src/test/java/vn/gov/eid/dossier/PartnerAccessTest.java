package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.dossier.DossierApi.BASE;
import static vn.gov.eid.dossier.DossierApi.officer;
import static vn.gov.eid.dossier.DossierApi.partner;
import static vn.gov.eid.dossier.DossierApi.step;
import static vn.gov.eid.dossier.DossierApi.submitted;
import static vn.gov.eid.dossier.DossierApi.supervisor;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.dossier.domain.Role;
import vn.gov.eid.testsupport.TestTokens;

/**
 * Partners see only what they need: no listing, an exact lookup by personal ID number in the reduced view, within a
 * per-client quota, each lookup recorded with its purpose; staff reads of a dossier are recorded too.
 */
@QuarkusTest
class PartnerAccessTest {
    static final String PURPOSE = "KYC onboarding, contract VCB-2026-001";

    @Inject
    DataSource dataSource;

    @Inject
    DossierConfig config;

    static Response lookup(String token, String pid, String purpose) {
        var spec = given().auth().oauth2(token);
        if (purpose != null) {
            spec.header("X-Purpose", purpose);
        }
        return spec.get(BASE + "/by-personal-id/" + pid);
    }

    @Test
    void partnersCannotListSearchOrPage() {
        for (Map<String, ?> query : List.of(
                Map.<String, Object>of(),
                Map.of("status", "SUBMITTED"),
                Map.of("page", 3, "size", 100),
                Map.of("personalIdNumber", "001203012345"))) {
            given().auth()
                    .oauth2(partner())
                    .queryParams(query)
                    .get(BASE)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vn-eid:problem:forbidden"));
        }
    }

    @Test
    void partnersCannotReadADossierById() {
        String id = submitted(DossierApi.newIssue());
        given().auth()
                .oauth2(partner())
                .header("X-Purpose", PURPOSE)
                .get(BASE + "/" + id)
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void lookupAnswersTheReducedViewsNewestFirstAndIsRecordedWithItsPurpose() throws Exception {
        Map<String, Object> first = DossierApi.newIssue();
        String pid = DossierApi.pidOf(first);
        String rejected = submitted(first);
        step(rejected, "REJECT");
        Map<String, Object> second = DossierApi.newIssue();
        second.put("applicant", first.get("applicant"));
        String open = submitted(second);
        String client = "partner-bank-" + UUID.randomUUID();

        Response r = lookup(TestTokens.token(client, Role.PARTNER), pid, PURPOSE);
        r.then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(open, rejected)))
                .body("items.status", equalTo(List.of("SUBMITTED", "REJECTED")))
                .body("items[0].applicant.personalIdNumber", equalTo(pid))
                .body("items[0].eidRegistered", equalTo(true))
                .body("items[0].eidRegistration", nullValue())
                .body("items[0].applicant.father", nullValue())
                .body("items[0].createdBy", nullValue());
        assertFalse(r.asString().contains("678"), "no phone, not even masked, for partners");
        assertFalse(r.asString().contains("an@example.vn"), "no e-mail for partners");
        assertEquals(1, DossierApi.recordedLookups(dataSource, client, pid, PURPOSE));
    }

    @Test
    void aPersonWithoutDossiersIsAnEmptyAnswerAndStillRecorded() throws Exception {
        String pid = DossierApi.personalId(java.time.LocalDate.of(1990, 1, 1), "FEMALE");
        String client = "partner-insurer-" + UUID.randomUUID();
        lookup(TestTokens.token(client, Role.PARTNER), pid, PURPOSE)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        assertEquals(1, DossierApi.recordedLookups(dataSource, client, pid, PURPOSE));
    }

    @ParameterizedTest(name = "X-Purpose [{0}]")
    @ValueSource(strings = {"<absent>", "", "   ", "201", "caf\u00e9", "line\tbreak"})
    void aMissingOrBadPurposeIs400NamingTheHeaderAndNothingIsRecorded(String purpose) throws Exception {
        String pid = DossierApi.pidOf(DossierApi.newIssue());
        String value = switch (purpose) {
            case "<absent>" -> null;
            case "201" -> "p".repeat(201);
            default -> purpose;
        };
        lookup(partner(), pid, value)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:validation"))
                .body("violations[0].field", equalTo("X-Purpose"));
        assertEquals(0, DossierApi.recordedLookups(dataSource, pid));
    }

    @Test
    void theLongestPurposeIsAccepted() throws Exception {
        String pid = DossierApi.pidOf(DossierApi.newIssue());
        String purpose = "p".repeat(200);
        lookup(partner(), pid, purpose).then().statusCode(200);
        assertEquals(1, DossierApi.recordedLookups(dataSource, "partner-portal", pid, purpose));
    }

    @ParameterizedTest(name = "personal ID number [{0}]")
    @ValueSource(strings = {"123", "00120301234X", "0012030123456", "' or 1=1--"})
    void aMalformedPersonalIdNumberIs400NamingItAndNothingIsRecorded(String pid) throws Exception {
        lookup(partner(), pid, PURPOSE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("personalIdNumber"));
        assertEquals(0, DossierApi.recordedLookups(dataSource, pid));
    }

    @Test
    void theQuotaIsPerClientAndAnswers429WithRetryAfter() throws Exception {
        int quota = config.partner().lookupsPerWindow();
        long window = config.partner().quotaWindow().toSeconds();
        String pid = DossierApi.pidOf(DossierApi.newIssue());
        String client = "partner-telco-" + UUID.randomUUID();
        String token = TestTokens.token(client, Role.PARTNER);
        for (int i = 0; i < quota; i++) {
            lookup(token, pid, PURPOSE).then().statusCode(200);
        }
        Response refused = lookup(token, pid, PURPOSE);
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:lookup-quota-exceeded"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= window, "Retry-After " + retryAfter);
        // refused lookups read nothing, so they leave no record
        assertEquals(quota, DossierApi.recordedLookups(dataSource, client, pid, PURPOSE));
        // another client has its own quota
        String other = "partner-other-" + UUID.randomUUID();
        lookup(TestTokens.token(other, Role.PARTNER), pid, PURPOSE).then().statusCode(200);
    }

    @Test
    void staffReadsOfADossierAreRecorded() throws Exception {
        String id = submitted(DossierApi.newIssue());
        given().auth().oauth2(officer()).get(BASE + "/" + id).then().statusCode(200);
        given().auth().oauth2(officer()).get(BASE + "/" + id).then().statusCode(200);
        given().auth().oauth2(supervisor()).get(BASE + "/" + id).then().statusCode(200);
        assertEquals(2, DossierApi.recordedStaffReads(dataSource, "officer1", id));
        assertEquals(1, DossierApi.recordedStaffReads(dataSource, "supervisor1", id));
    }

    @Test
    void aReadOfAnUnknownDossierIs404AndRecordsNothing() throws Exception {
        String id = UUID.randomUUID().toString();
        given().auth().oauth2(officer()).get(BASE + "/" + id).then().statusCode(404);
        assertEquals(0, DossierApi.recordedStaffReads(dataSource, "officer1", id));
    }
}
