package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.gov.eid.dossier.DossierApi.BASE;
import static vn.gov.eid.dossier.DossierApi.officer;
import static vn.gov.eid.dossier.DossierApi.step;
import static vn.gov.eid.dossier.DossierApi.submitted;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /api/v1/dossiers (staff only): filters, bounded pages that cannot overflow, newest first. */
@QuarkusTest
class DossierSearchTest {

    static Response search(String token, Map<String, ?> params) {
        return given().auth().oauth2(token).queryParams(params).get(BASE);
    }

    @Test
    void filtersAndPagesNewestFirst() {
        String from = Instant.now().toString();
        List<String> ids = new ArrayList<>();
        List<String> pids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = DossierApi.newIssue();
            pids.add(DossierApi.pidOf(body));
            ids.add(submitted(body));
        }
        Map<String, Object> reissue = DossierApi.newIssue();
        reissue.put("type", "REISSUE");
        String reissueId = submitted(reissue);
        step(ids.get(0), "REJECT");
        String to = Instant.now().toString();

        search(officer(), Map.of("createdFrom", from, "createdTo", to))
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("items.id", equalTo(List.of(reissueId, ids.get(2), ids.get(1), ids.get(0))));
        search(officer(), Map.of("personalIdNumber", pids.get(1)))
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(ids.get(1)));
        search(officer(), Map.of("createdFrom", from, "status", "REJECTED"))
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(ids.get(0)));
        search(officer(), Map.of("createdFrom", from, "type", "REISSUE"))
                .then()
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(reissueId));
        search(officer(), Map.of("createdFrom", from, "status", "SUBMITTED", "type", "ISSUE"))
                .then()
                .body("total", equalTo(2))
                .body("items.status", everyItem(equalTo("SUBMITTED")));

        Response p0 = search(officer(), Map.of("createdFrom", from, "size", 3, "page", 0));
        Response p1 = search(officer(), Map.of("createdFrom", from, "size", 3, "page", 1));
        p0.then().body("items.size()", equalTo(3)).body("total", equalTo(4)).body("size", equalTo(3));
        p1.then().body("items.size()", equalTo(1)).body("items[0].id", equalTo(ids.get(0)));
        List<String> seen = new ArrayList<>(p0.jsonPath().getList("items.id"));
        seen.addAll(p1.jsonPath().getList("items.id"));
        assertEquals(4, seen.stream().distinct().count(), "pages do not overlap");
    }

    @Test
    void listsMaskThePhoneAndNeverShowBiometrics() {
        Map<String, Object> body = DossierApi.newIssue();
        String id = submitted(body);
        DossierApi.putBiometrics(id, DossierApi.biometrics(), officer()).then().statusCode(200);
        Response staff = search(officer(), Map.of("personalIdNumber", DossierApi.pidOf(body)));
        staff.then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].eidRegistration.phoneMasked", equalTo("+84******678"));
        assertFalse(staff.asString().contains("portrait"), "biometrics never listed");
        assertFalse(staff.asString().contains("0912345678"), "the phone only masked");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "size, 101",
        "size, 0",
        "size, ten",
        "page, -1",
        "page, 1.5",
        "page, 2147483647",
        "page, 10001",
        "page, 99999999999999999999",
        "page, -2147483648",
        "size, 2147483647",
        "status, OPEN",
        "type, RENEW",
        "personalIdNumber, 123",
        "createdFrom, yesterday",
        "createdTo, 2026-13-01",
        // instants Java reads but PostgreSQL cannot hold (were 500)
        "createdFrom, +1000000000-01-01T00:00:00Z",
        "createdFrom, -999999999-01-01T00:00:00Z",
        "createdTo, -999999999-01-01T00:00:00Z"
    })
    void badFilterIs400NamingIt(String name, String value) {
        search(officer(), Map.of(name, value))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(name));
    }

    @Test
    void largestPageIsAccepted() {
        search(officer(), Map.of("size", 100)).then().statusCode(200).body("size", equalTo(100));
        search(officer(), Map.of("page", 10000, "size", 100))
                .then()
                .statusCode(200)
                .body("page", equalTo(10000))
                .body("items.size()", equalTo(0));
        search(officer(), Map.of())
                .then()
                .statusCode(200)
                .body("size", equalTo(20))
                .body("page", equalTo(0));
    }
}
