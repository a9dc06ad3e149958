package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static vn.gov.eid.identity.Fixtures.*;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestTokens;

/** GET /api/v1/accounts/{id}: operators and partners only; bad tokens 401, other roles 403. */
@QuarkusTest
class AccountsEndpointSecurityTest {

    private static final String PATH = "/api/v1/accounts/";

    @Test
    void refusesMissingAndInvalidTokensWith401() {
        String pid = newPersonalId();
        given().get(PATH + pid).then().statusCode(401);
        given().auth()
                .oauth2(TestTokens.expired("operator1", "operator"))
                .get(PATH + pid)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.wrongIssuer("operator1", "operator"))
                .get(PATH + pid)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.otherKey("operator1", "operator"))
                .get(PATH + pid)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.tampered("officer1", "officer"))
                .get(PATH + pid)
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(TestTokens.unsigned("operator1", "operator"))
                .get(PATH + pid)
                .then()
                .statusCode(401);
    }

    @Test
    void refusesOtherRolesWith403() {
        String pid = newPersonalId();
        for (String role : new String[] {"officer", "supervisor", "citizen", "password-change"}) {
            given().auth()
                    .oauth2(TestTokens.token("someone", role))
                    .get(PATH + pid)
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void operatorAndPartnerSeeTheAccountWithoutSecrets() {
        String pid = newPersonalId();
        createAccount(pid);
        for (String token : new String[] {
            operatorToken(),
            TestTokens.token("partner-portal", "partner"),
            login("operator1", "Operator@2026").<String>path("access_token")
        }) {
            given().auth()
                    .oauth2(token)
                    .get(PATH + pid)
                    .then()
                    .statusCode(200)
                    .body("personalIdNumber", equalTo(pid))
                    .body("level", equalTo(2))
                    .body("status", equalTo("PENDING_ACTIVATION"))
                    .body("phone", equalTo(null))
                    .body("email", equalTo(null))
                    .body("passwordHash", equalTo(null));
        }
        given().auth()
                .oauth2(operatorToken())
                .get(PATH + "12345")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(operatorToken())
                .get(PATH + newPersonalId())
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:vn-eid:problem:account-not-found"));
    }
}
