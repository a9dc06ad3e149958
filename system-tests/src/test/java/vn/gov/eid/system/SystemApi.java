package vn.gov.eid.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import vn.gov.eid.localrun.LocalSystem;
import vn.gov.eid.localrun.LocalSystem.Service;

/** The HTTP calls the system tests make as officers, supervisors and citizens, against one running system. */
final class SystemApi {

    private final LocalSystem system;

    SystemApi(LocalSystem system) {
        this.system = system;
    }

    /** An access token of the password grant; fails the test when the login is refused. */
    String token(String username, String password) {
        Response r = login(username, password);
        r.then().statusCode(200);
        return r.path("access_token");
    }

    /** The answer of the password grant. */
    Response login(String username, String password) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", password)
                .post(system.url(Service.IDENTITY) + "/api/v1/auth/token");
    }

    /** Moves a dossier on with an action and checks the state it lands in. */
    void transition(String dossierId, String token, String action, String expectedStatus) {
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("action", action, "note", "system test " + action))
                .post(system.url(Service.DOSSIER) + "/api/v1/dossiers/" + dossierId + "/transitions")
                .then()
                .statusCode(200)
                .body("status", equalTo(expectedStatus));
    }
}
