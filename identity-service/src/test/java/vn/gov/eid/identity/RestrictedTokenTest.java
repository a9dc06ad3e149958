package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static vn.gov.eid.identity.Fixtures.*;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token issued for a temporary password opens nothing but the password change. */
@QuarkusTest
class RestrictedTokenTest {

    @Test
    void restrictedTokenIsRefusedOnEveryOtherSecuredEndpoint() {
        String pid = newPersonalId();
        String temp = createAccount(pid);
        String restricted = login(pid, temp).path("access_token");
        Map<String, String> reason = Map.of("reason", "x");

        given().auth().oauth2(restricted).get("/api/v1/accounts/" + pid).then().statusCode(403);
        given().auth()
                .oauth2(restricted)
                .get("/api/v1/accounts/" + pid + "/audit")
                .then()
                .statusCode(403);
        for (String action : new String[] {"lock", "unlock", "credential-resets"}) {
            given().auth()
                    .oauth2(restricted)
                    .contentType("application/json")
                    .body(reason)
                    .post("/api/v1/accounts/" + pid + "/" + action)
                    .then()
                    .statusCode(403);
        }
        // The account is unchanged by those attempts, and the one allowed call works.
        given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid)
                .then()
                .body("status", equalTo("PENDING_ACTIVATION"));
        given().auth()
                .oauth2(restricted)
                .contentType("application/json")
                .body(Map.of("currentPassword", temp, "newPassword", "Fresh_pass_1"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(204);
    }
}
