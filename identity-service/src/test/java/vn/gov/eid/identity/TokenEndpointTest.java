package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.identity.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestKeys;
import vn.gov.eid.testsupport.TestTokens;

/** POST /api/v1/auth/token: password and client_credentials grants, failures as problem+json. */
@QuarkusTest
class TokenEndpointTest {

    @Test
    void staffUserFromConfigurationGetsTokenWithRoleAndStandardClaims() {
        Response r = login("officer1", "Officer@2026");
        r.then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(900))
                .body("password_change_required", equalTo(false))
                .body("access_token", not(emptyOrNullString()));
        String token = r.path("access_token");
        JsonNode claims = claims(token);
        assertEquals(TestTokens.ISSUER, claims.get("iss").asText());
        assertEquals("officer1", claims.get("sub").asText());
        assertEquals("officer1", claims.get("upn").asText());
        assertEquals("officer", claims.get("groups").get(0).asText());
        assertEquals(1, claims.get("groups").size());
        assertEquals(900, claims.get("exp").asLong() - claims.get("iat").asLong());
        assertTrue(claims.hasNonNull("jti"));
        JsonNode header = json(new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0])));
        assertEquals("RS256", header.get("alg").asText());
        assertEquals(
                TestTokens.kid(TestKeys.signingKeyPair()), header.get("kid").asText());
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401Problem() {
        for (Response r : new Response[] {
            login("officer1", "Officer@2027"), login("nobody", "Officer@2026"), login(newPersonalId(), "Whatever_123")
        }) {
            r.then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vn-eid:problem:invalid-credentials"))
                    .body("access_token", equalTo(null));
        }
    }

    @Test
    void unknownUsernameCostsAboutAsMuchAsAWrongPassword() {
        login("nobody", "warm-up");
        login("officer1", "warm-up");
        long known = 0;
        long unknown = 0;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            login("officer1", "Wrong_pass1").then().statusCode(401);
            long t1 = System.nanoTime();
            login("no-such-user-" + i, "Wrong_pass1").then().statusCode(401);
            long t2 = System.nanoTime();
            known += t1 - t0;
            unknown += t2 - t1;
        }
        // Without the dummy hash an unknown name answers in ~1 ms against ~30 ms: the ratio would be far below 0.5.
        double ratio = (double) unknown / known;
        assertTrue(ratio > 0.5 && ratio < 2.0, "unknown/known login time ratio " + ratio);
    }

    @Test
    void clientCredentialsForServiceAccounts() {
        Response ok = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "partner-portal")
                .formParam("client_secret", "Partner_Secret2026")
                .post("/api/v1/auth/token");
        ok.then().statusCode(200).body("password_change_required", equalTo(false));
        JsonNode claims = claims(ok.path("access_token"));
        assertEquals("partner-portal", claims.get("sub").asText());
        assertEquals("partner", claims.get("groups").get(0).asText());

        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "partner-portal")
                .formParam("client_secret", "Partner_Secret2025")
                .post("/api/v1/auth/token")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:invalid-credentials"));
        // A client secret is not a user password: the password grant does not accept it.
        login("partner-portal", "Partner_Secret2026").then().statusCode(401);
    }

    @Test
    void unsupportedGrantAndMissingFieldsAre400Problems() {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "authorization_code")
                .formParam("code", "x")
                .post("/api/v1/auth/token")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:unsupported-grant-type"));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password")
                .formParam("username", "officer1")
                .post("/api/v1/auth/token")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:invalid-request"));
    }

    @Test
    void citizenWithTemporaryPasswordGetsOnlyThePasswordChangeGroup() {
        String pid = newPersonalId();
        String temp = createAccount(pid);
        Response r = login(pid, temp);
        r.then().statusCode(200).body("password_change_required", equalTo(true));
        JsonNode claims = claims(r.path("access_token"));
        assertEquals(pid, claims.get("upn").asText());
        assertEquals(1, claims.get("groups").size());
        assertEquals("password-change", claims.get("groups").get(0).asText());
    }
}
