package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static vn.gov.eid.identity.Fixtures.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.eid.identity.service.PasswordHasher;

/**
 * Sessions: rotating refresh tokens for citizens and staff, reuse detection that ends the whole session, revocation
 * (RFC 7009), and sessions that end when the password changes or the account is locked.
 */
@QuarkusTest
class SessionTest {

    static final String INVALID_GRANT = "urn:vn-eid:problem:invalid-grant";

    @Inject
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;

    static Response refresh(String refreshToken) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken)
                .post("/api/v1/auth/token");
    }

    static Response revoke(String token) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("token", token)
                .formParam("token_type_hint", "refresh_token")
                .post("/api/v1/auth/revoke");
    }

    static void refused(Response r) {
        r.then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(INVALID_GRANT))
                .body("error", equalTo("invalid_grant"));
    }

    @Test
    void aCitizensRefreshTokenRotatesAndAReusedOneEndsTheWholeSession() {
        String pid = newPersonalId();
        activeAccount(pid, newPhone(), "Session_2026");
        Response login = login(pid, "Session_2026");
        login.then().statusCode(200).header("Cache-Control", "no-store").body("refresh_token", notNullValue());
        String first = login.path("refresh_token");

        Response r1 = refresh(first);
        r1.then().statusCode(200).header("Cache-Control", "no-store").body("token_type", equalTo("Bearer"));
        String second = r1.path("refresh_token");
        assertNotEquals(first, second);
        assertEquals(pid, claims(r1.path("access_token")).get("sub").asText());
        assertEquals(
                "citizen", claims(r1.path("access_token")).get("groups").get(0).asText());
        // the refreshed access token is accepted (an empty password change is refused for its body, not its token)
        given().auth()
                .oauth2((String) r1.path("access_token"))
                .contentType("application/json")
                .body(Map.of())
                .post("/api/v1/auth/password")
                .then()
                .statusCode(400);
        String third = refresh(second).then().statusCode(200).extract().path("refresh_token");

        // the spent first token comes back (it was copied): refused, and the live third one dies with it
        refused(refresh(first));
        refused(refresh(third));
        // the citizen logs in again and has a new session
        refresh((String) login(pid, "Session_2026").path("refresh_token"))
                .then()
                .statusCode(200);
    }

    @Test
    void noSessionForATemporaryPasswordOrAServiceClient() {
        String pid = newPersonalId();
        String temp = createAccount(pid);
        login(pid, temp).then().statusCode(200).body("refresh_token", nullValue());
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "partner-portal")
                .formParam("client_secret", "Partner_Secret2026")
                .post("/api/v1/auth/token")
                .then()
                .statusCode(200)
                .body("refresh_token", nullValue());
    }

    @Test
    void staffSessionsRefreshWithTheirRoleAndEndWhenRevoked() {
        String user = "session-officer-" + System.nanoTime() % 1_000_000;
        String hash = hasher.hash("Officer@2026s");
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into staff_user (username, role, password_hash, created_at)"
                                + " values (?1, 'officer', ?2, now())")
                        .setParameter(1, user)
                        .setParameter(2, hash)
                        .executeUpdate());
        String first =
                login(user, "Officer@2026s").then().statusCode(200).extract().path("refresh_token");
        Response r = refresh(first);
        r.then().statusCode(200);
        assertEquals(
                "officer", claims(r.path("access_token")).get("groups").get(0).asText());
        String second = r.path("refresh_token");

        revoke(second).then().statusCode(200);
        refused(refresh(second));
        // RFC 7009: an unknown, already revoked or malformed token is answered 200 as well
        revoke(second).then().statusCode(200);
        revoke("not-a-token").then().statusCode(200);
        revoke("x".repeat(500)).then().statusCode(200); // longer than any refresh token, not looked up
        given().contentType("application/x-www-form-urlencoded")
                .post("/api/v1/auth/revoke")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aPasswordChangeOrAnOperatorLockEndsTheSessions() {
        String pid = newPersonalId();
        activeAccount(pid, newPhone(), "Session_2026");
        Response login = login(pid, "Session_2026");
        String refreshToken = login.path("refresh_token");
        given().auth()
                .oauth2((String) login.path("access_token"))
                .contentType("application/json")
                .body(Map.of("currentPassword", "Session_2026", "newPassword", "Session_2027"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(204);
        refused(refresh(refreshToken));

        String again = login(pid, "Session_2027").path("refresh_token");
        given().auth()
                .oauth2(operatorToken())
                .contentType("application/json")
                .body(Map.of("reason", "session test"))
                .post("/api/v1/accounts/" + pid + "/lock")
                .then()
                .statusCode(200);
        refused(refresh(again));
        // the lock ended the session itself, not just this refresh: lifted, the token is still dead
        given().auth()
                .oauth2(operatorToken())
                .contentType("application/json")
                .body(Map.of("reason", "session test"))
                .post("/api/v1/accounts/" + pid + "/unlock")
                .then()
                .statusCode(200);
        refused(refresh(again));
    }

    @Test
    void aLockAfterFailedLoginsDoesNotEndTheSession() {
        // anyone who knows an ID number can set off the failed-login lock; it guards the password, not the sessions
        String pid = newPersonalId();
        activeAccount(pid, newPhone(), "Session_2026");
        String refreshToken = login(pid, "Session_2026").path("refresh_token");
        for (int i = 0; i < 5; i++) {
            login(pid, "Wrong_2026x");
        }
        login(pid, "Session_2026").then().statusCode(423);
        refresh(refreshToken).then().statusCode(200).body("refresh_token", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        String pid = newPersonalId();
        activeAccount(pid, newPhone(), "Session_2026");
        String refreshToken = login(pid, "Session_2026").path("refresh_token");
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update refresh_token set expires_at = now() - interval '1 second'"
                                + " where subject = ?1")
                        .setParameter(1, pid)
                        .executeUpdate());
        refused(refresh(refreshToken));
    }

    @Test
    void malformedRefreshRequestsAreRefused() throws Exception {
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "refresh_token")
                .post("/api/v1/auth/token")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:vn-eid:problem:invalid-request"));
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", "x".repeat(200))
                .post("/api/v1/auth/token")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:vn-eid:problem:invalid-request"));
        refused(refresh("unknown-token"));
        // a form in a charset nobody knows, with a value that needs decoding: the caller's mistake, not a 500
        // (sent with the JDK's client: REST Assured itself refuses to encode for an unknown charset)
        for (String path : java.util.List.of("api/v1/auth/token", "api/v1/auth/revoke")) {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + path))
                                    .header("Content-Type", "application/x-www-form-urlencoded; charset=nonsense")
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                            "grant_type=refresh_token&refresh_token=a%20b&token=a%20b"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode(), path + ": " + r.body());
            assertEquals(
                    "application/problem+json",
                    r.headers().firstValue("Content-Type").orElse(""),
                    path);
            assertEquals(
                    "urn:vn-eid:problem:unsupported-charset",
                    json(r.body()).get("type").asText(),
                    path);
        }
    }
}
