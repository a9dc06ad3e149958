package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gov.eid.dossier.DossierApi.BASE;
import static vn.gov.eid.dossier.DossierApi.officer;
import static vn.gov.eid.dossier.DossierApi.step;
import static vn.gov.eid.dossier.DossierApi.submitted;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Business rules of submission: personal ID structure, plausible dates, type rules, one open dossier. */
@QuarkusTest
class DossierRulesTest {
    @Inject
    DataSource dataSource;

    static Map<String, Object> body(String pid, String dob, String sex) {
        Map<String, Object> b = DossierApi.newIssue();
        b.put("applicant", DossierApi.applicant(pid, LocalDate.parse(dob), sex));
        return b;
    }

    static ValidatableResponse refused(Map<String, Object> body, String field, String rule) {
        return DossierApi.submit(body)
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:vn-eid:problem:validation"))
                .body("violations.find { it.field == '" + field + "' }.message", containsString(rule));
    }

    @ParameterizedTest(name = "{0} {1} {2} breaks {3}")
    @CsvSource({
        "999203012345, 2003-05-14, MALE,   PROVINCE_CODE",
        "003203012345, 2003-05-14, MALE,   PROVINCE_CODE",
        "001303012345, 2003-05-14, MALE,   CENTURY_SEX_DIGIT",
        "001003012345, 2003-05-14, MALE,   CENTURY_SEX_DIGIT",
        "001085012345, 1985-01-20, FEMALE, CENTURY_SEX_DIGIT",
        "001204012345, 2003-05-14, MALE,   BIRTH_YEAR_DIGITS",
        "001184012345, 1985-01-20, FEMALE, BIRTH_YEAR_DIGITS"
    })
    void inconsistentPersonalIdNumberIsRefusedNamingTheRule(String pid, String dob, String sex, String rule)
            throws Exception {
        refused(body(pid, dob, sex), "applicant.personalIdNumber", rule);
        assertEquals(0, DossierApi.storedDossiers(dataSource, pid));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "079185, 1985-01-20, FEMALE",
        "096085, 1985-01-20, MALE",
        "001203, 2003-05-14, MALE",
        "048303, 2003-05-14, FEMALE",
        "001199, 1999-12-31, FEMALE"
    })
    void consistentPersonalIdNumberIsAccepted(String prefix, String dob, String sex) {
        String pid = prefix + String.format("%06d", new java.util.Random().nextInt(1_000_000));
        DossierApi.submit(body(pid, dob, sex)).then().statusCode(201).body("applicant.personalIdNumber", equalTo(pid));
    }

    @Test
    void birthDateMustBePlausible() {
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        Map<String, Object> future = body(DossierApi.personalId(tomorrow, "MALE"), tomorrow.toString(), "MALE");
        refused(future, "applicant.dateOfBirth", "BIRTH_DATE_NOT_FUTURE");
        refused(body("001089012345", "1889-03-01", "MALE"), "applicant.dateOfBirth", "BIRTH_DATE_PLAUSIBLE");
    }

    @Test
    void exchangeNeedsReasonAndCurrentCard() {
        Map<String, Object> b = DossierApi.newIssue();
        b.put("type", "EXCHANGE");
        DossierApi.submit(b)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("exchangeReason"))
                .body("violations.field", hasItem("currentCardNumber"));
        b.put("exchangeReason", "DAMAGED");
        b.put("currentCardNumber", "12345");
        refused(b, "currentCardNumber", "9- or 12-digit");
        b.put("currentCardNumber", DossierApi.pidOf(b));
        DossierApi.submit(b)
                .then()
                .statusCode(201)
                .body("type", equalTo("EXCHANGE"))
                .body("exchangeReason", equalTo("DAMAGED"))
                .body("currentCardNumber", equalTo(DossierApi.pidOf(b)));
    }

    @Test
    void ageMilestoneExchangeNeedsTheApplicantNearAMilestone() {
        LocalDate twenty = LocalDate.now().minusYears(20);
        Map<String, Object> young = body(DossierApi.personalId(twenty, "FEMALE"), twenty.toString(), "FEMALE");
        young.put("type", "EXCHANGE");
        young.put("exchangeReason", "AGE_MILESTONE");
        young.put("currentCardNumber", "001234567890");
        refused(young, "exchangeReason", "AGE_MILESTONE");

        LocalDate twentyFour = LocalDate.now().minusYears(24);
        Map<String, Object> due = body(DossierApi.personalId(twentyFour, "FEMALE"), twentyFour.toString(), "FEMALE");
        due.put("type", "EXCHANGE");
        due.put("exchangeReason", "AGE_MILESTONE");
        due.put("currentCardNumber", "001234567890");
        DossierApi.submit(due).then().statusCode(201);
    }

    @Test
    void typeSpecificFieldsOnlyWhereTheyBelong() {
        Map<String, Object> issue = DossierApi.newIssue();
        issue.put("currentCardNumber", "001234567890");
        issue.put("lostCardNumber", "001234567890");
        DossierApi.submit(issue)
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("currentCardNumber"))
                .body("violations.field", hasItem("lostCardNumber"));

        Map<String, Object> reissue = DossierApi.newIssue();
        reissue.put("type", "REISSUE");
        reissue.put("lostCardNumber", "123456789");
        DossierApi.submit(reissue).then().statusCode(201).body("lostCardNumber", equalTo("123456789"));

        Map<String, Object> reissueUnknownCard = DossierApi.newIssue();
        reissueUnknownCard.put("type", "REISSUE");
        DossierApi.submit(reissueUnknownCard).then().statusCode(201);
    }

    @Test
    void documentExpiryMustFollowIssue() {
        Map<String, Object> b = DossierApi.newIssue();
        DossierValidationTest.registrationOf(b)
                .put(
                        "integratedDocuments",
                        List.of(Map.of(
                                "type",
                                "DRIVER_LICENSE",
                                "number",
                                "790123456789",
                                "issueDate",
                                "2024-01-01",
                                "expiryDate",
                                "2023-01-01")));
        refused(b, "eidRegistration.integratedDocuments[0].expiryDate", "VALIDITY_PERIOD");
    }

    @Test
    void onlyOneOpenDossierPerPerson() {
        Map<String, Object> first = DossierApi.newIssue();
        String firstId = submitted(first);
        Map<String, Object> second = DossierApi.newIssue();
        second.put("applicant", first.get("applicant"));
        DossierApi.submit(second)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:vn-eid:problem:open-dossier-exists"))
                .body("openDossierId", equalTo(firstId));
        step(firstId, "REJECT");
        DossierApi.submit(second).then().statusCode(201);
    }

    @Test
    void issueIsRefusedOnceACardWasIssued() {
        Map<String, Object> first = DossierApi.newIssue();
        String firstId = submitted(first);
        List.of("START_REVIEW", "APPROVE", "COMPLETE").forEach(a -> step(firstId, a));
        Map<String, Object> again = DossierApi.newIssue();
        again.put("applicant", first.get("applicant"));
        DossierApi.submit(again)
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:vn-eid:problem:already-issued"))
                .body("completedDossierId", equalTo(firstId));
        again.put("type", "REISSUE");
        DossierApi.submit(again).then().statusCode(201);
    }

    @Test
    void concurrentSubmissionsForOnePersonCreateOneDossierAndOneEvent() throws Exception {
        Map<String, Object> body = DossierApi.newIssue();
        String pid = DossierApi.pidOf(body);
        List<Integer> statuses = race(8, () -> DossierApi.submit(body).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, DossierApi.storedDossiers(dataSource, pid));
        // Losers rolled back: no outbox row survives from their transactions.
        assertEquals(1, DossierApi.outboxEvents(dataSource, pid));
    }

    @Test
    void concurrentTransitionsOnOneDossierHaveOneWinner() throws Exception {
        String id = submitted(DossierApi.newIssue());
        List<Integer> statuses = race(
                8, () -> DossierApi.act(id, "START_REVIEW", null, officer()).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id + "/history")
                .then()
                .body("action", equalTo(List.of("SUBMIT", "START_REVIEW")));
    }

    static List<Integer> race(int n, Callable<Integer> call) throws Exception {
        return raceAll(n, call);
    }

    /** Runs n copies of the call at once and returns their results in submission order. */
    static <T> List<T> raceAll(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(call));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
