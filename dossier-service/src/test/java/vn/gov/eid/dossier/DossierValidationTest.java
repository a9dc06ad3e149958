package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad submissions get 400 problem+json naming the field, and leave nothing behind (no dossier, no event). */
@QuarkusTest
class DossierValidationTest {
    @Inject
    DataSource dataSource;

    @SuppressWarnings("unchecked")
    static Map<String, Object> applicantOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("applicant");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> registrationOf(Map<String, Object> body) {
        return (Map<String, Object>) body.get("eidRegistration");
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                bad("type", b -> b.remove("type")),
                bad("applicant", b -> b.remove("applicant")),
                bad("applicant.personalIdNumber", b -> applicantOf(b).put("personalIdNumber", "00120301234")),
                bad("applicant.personalIdNumber", b -> applicantOf(b).put("personalIdNumber", "00120301234X")),
                bad("applicant.fullName", b -> applicantOf(b).put("fullName", "  ")),
                bad("applicant.dateOfBirth", b -> applicantOf(b).remove("dateOfBirth")),
                bad("applicant.sex", b -> applicantOf(b).remove("sex")),
                bad("applicant.father.fullName", b -> applicantOf(b).put("father", Map.of("nationality", "Viet Nam"))),
                // A Hà Nội landline is a real number, but not a mobile: no SMS could reach it.
                bad("eidRegistration.phoneNumber", b -> registrationOf(b).put("phoneNumber", "024 3824 5678")),
                bad("eidRegistration.phoneNumber", b -> registrationOf(b).put("phoneNumber", "12345")),
                bad("eidRegistration.phoneNumber", b -> registrationOf(b).put("phoneNumber", "+33 6 12 34 56 78")),
                bad("eidRegistration.phoneNumber", b -> registrationOf(b).remove("phoneNumber")),
                bad("eidRegistration.email", b -> registrationOf(b).put("email", "not-an-email")),
                bad(
                        "eidRegistration.dependents[0].fullName",
                        b -> registrationOf(b)
                                .put(
                                        "dependents",
                                        List.of(Map.of("dateOfBirth", "2020-01-02", "relationship", "CHILD")))),
                bad(
                        "eidRegistration.integratedDocuments[0].type",
                        b -> registrationOf(b).put("integratedDocuments", List.of(Map.of("number", "123")))),
                // every string and list has a maximum
                bad("applicant.fullName", b -> applicantOf(b).put("fullName", "a".repeat(101))),
                bad("applicant.otherNames", b -> applicantOf(b).put("otherNames", "a".repeat(101))),
                bad("applicant.permanentAddress", b -> applicantOf(b).put("permanentAddress", "a".repeat(301))),
                bad("applicant.identifyingMarks", b -> applicantOf(b).put("identifyingMarks", "a".repeat(301))),
                bad(
                        "applicant.father.fullName",
                        b -> applicantOf(b).put("father", Map.of("fullName", "a".repeat(101)))),
                bad(
                        "applicant.householder.relationship",
                        b -> applicantOf(b)
                                .put(
                                        "householder",
                                        Map.of("fullName", "Nguyen Van Ba", "relationship", "a".repeat(51)))),
                bad(
                        "eidRegistration.email",
                        b -> registrationOf(b).put("email", "a".repeat(64) + "@" + "b".repeat(190) + ".vn")),
                bad("eidRegistration.phoneNumber", b -> registrationOf(b).put("phoneNumber", "0".repeat(31))),
                bad(
                        "eidRegistration.dependents",
                        b -> registrationOf(b).put("dependents", java.util.Collections.nCopies(21, dependent()))),
                bad(
                        "eidRegistration.dependents[0].supportingDocuments",
                        b -> registrationOf(b)
                                .put(
                                        "dependents",
                                        List.of(Map.of(
                                                "fullName",
                                                "Nguyen Van Binh",
                                                "dateOfBirth",
                                                "2020-01-02",
                                                "relationship",
                                                "CHILD",
                                                "supportingDocuments",
                                                java.util.Collections.nCopies(11, "birth certificate"))))),
                bad(
                        "eidRegistration.integratedDocuments",
                        b -> registrationOf(b)
                                .put(
                                        "integratedDocuments",
                                        java.util.Collections.nCopies(
                                                11, Map.of("type", "HEALTH_INSURANCE", "number", "DN401")))),
                bad(
                        "eidRegistration.integratedDocuments[0].number",
                        b -> registrationOf(b)
                                .put(
                                        "integratedDocuments",
                                        List.of(Map.of("type", "HEALTH_INSURANCE", "number", "D".repeat(51))))));
    }

    static Map<String, Object> dependent() {
        return Map.of("fullName", "Nguyen Van Binh", "dateOfBirth", "2020-01-02", "relationship", "CHILD");
    }

    static Arguments bad(String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void badFieldIs400WithViolationAndNothingStored(String field, Consumer<Map<String, Object>> change)
            throws Exception {
        Map<String, Object> body = DossierApi.newIssue();
        String pid = DossierApi.pidOf(body);
        change.accept(body);
        DossierApi.submit(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:validation"))
                .body("violations.field", hasItem(field));
        assertNothingStored(pid);
    }

    @Test
    void unknownEnumValueNamesTheField() {
        Map<String, Object> body = DossierApi.newIssue();
        body.put("type", "RENEW");
        applicantOf(body).put("sex", "X");
        DossierApi.submit(body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:validation"))
                .body("violations[0].field", anyOf(equalTo("type"), equalTo("applicant.sex")))
                .body("violations[0].message", containsString("must be one of"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":", "[]", "{\"type\":\"ISSUE\",\"applicant\":\"Nguyen\"}"})
    void unreadableBodyIs400(String raw) {
        given().auth()
                .oauth2(DossierApi.officer())
                .contentType("application/json")
                .body(raw)
                .post(DossierApi.BASE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void missingBodyIs400() {
        given().auth()
                .oauth2(DossierApi.officer())
                .contentType("application/json")
                .post(DossierApi.BASE)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0912345678", "+84 91 234 5678", "091-234-5678"})
    void mobileNumbersInAnyCommonFormAreNormalised(String phone) {
        Map<String, Object> body = DossierApi.newIssue();
        registrationOf(body).put("phoneNumber", phone);
        String id = DossierApi.submitted(body);
        given().auth()
                .oauth2(DossierApi.officer())
                .get(DossierApi.BASE + "/" + id)
                .then()
                .body("eidRegistration.phoneMasked", equalTo("+84******678"));
    }

    @Test
    void registrationIsOptional() {
        Map<String, Object> body = DossierApi.newIssue();
        body.remove("eidRegistration");
        String id = DossierApi.submitted(body);
        given().auth()
                .oauth2(DossierApi.officer())
                .get(DossierApi.BASE + "/" + id)
                .then()
                .body("eidRegistered", equalTo(false));
    }

    void assertNothingStored(String pid) throws Exception {
        assertEquals(0, DossierApi.storedDossiers(dataSource, pid));
        assertEquals(0, DossierApi.outboxEvents(dataSource, pid));
    }
}
