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
        return login(system.url(Service.IDENTITY), username, password);
    }

    /** The answer of the password grant of the identity-service replica at the given address. */
    static Response login(String identityUrl, String username, String password) {
        return given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", username)
                .formParam("password", password)
                .post(identityUrl + "/api/v1/auth/token");
    }

    /** Moves a dossier on with an action and checks the state it lands in. */
    void transition(String dossierId, String token, String action, String expectedStatus) {
        act(system.url(Service.DOSSIER), dossierId, token, action)
                .then()
                .statusCode(200)
                .body("status", equalTo(expectedStatus));
    }

    /** The answer to a workflow action on a dossier, sent to the dossier-service replica at the given address. */
    static Response act(String dossierUrl, String dossierId, String token, String action) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("action", action, "note", "system test " + action))
                .post(dossierUrl + "/api/v1/dossiers/" + dossierId + "/transitions");
    }
}
