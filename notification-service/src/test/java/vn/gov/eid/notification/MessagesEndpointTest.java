package vn.gov.eid.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static vn.gov.eid.notification.Fixtures.*;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestTokens;

/** The operator endpoint: who may call it, what it validates, and the counts. */
@QuarkusTest
class MessagesEndpointTest {

    private static final String PATH = "/api/v1/messages";

    @Test
    void withoutOrWithBadTokensIs401() {
        given().queryParam("personalIdNumber", "001203012345").get(PATH).then().statusCode(401);
        for (String token : new String[] {
            TestTokens.expired("operator1", "operator"),
            TestTokens.wrongIssuer("operator1", "operator"),
            TestTokens.otherKey("operator1", "operator"),
            TestTokens.unsigned("operator1", "operator"),
            TestTokens.tampered("operator1", "operator")
        }) {
            given().auth().oauth2(token).get(PATH).then().statusCode(401);
            given().auth()
                    .oauth2(token)
                    .get(PATH + "/" + java.util.UUID.randomUUID() + "/attempts")
                    .then()
                    .statusCode(401);
        }
    }

    @Test
    void otherRolesAre403() {
        for (String role : new String[] {"officer", "supervisor", "partner", "citizen", "password-change"}) {
            given().auth()
                    .oauth2(TestTokens.token("someone", role))
                    .get(PATH)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.token("someone", role))
                    .get(PATH + "/counts")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(TestTokens.token("someone", role))
                    .get(PATH + "/" + java.util.UUID.randomUUID() + "/attempts")
                    .then()
                    .statusCode(403);
        }
    }

    @Test
    void attemptsOfAnUnknownOrMalformedMessageAre404Problems() {
        for (String id : new String[] {java.util.UUID.randomUUID().toString(), "1-1-1-1-1", "x' or '1'='1"}) {
            given().auth()
                    .oauth2(operatorToken())
                    .get(PATH + "/" + id + "/attempts")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:vn-eid:problem:message-not-found"));
        }
    }

    @Test
    void badIdNumberIs400Problem() {
        given().auth()
                .oauth2(operatorToken())
                .queryParam("personalIdNumber", "12ab")
                .get(PATH)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:validation"));
    }

    @Test
    void countsByStateIncludeDeliveredMessages() {
        Request r = send("PHONE_LINKED");
        awaitState(r, "DELIVERED");
        given().auth()
                .oauth2(operatorToken())
                .get(PATH + "/counts")
                .then()
                .statusCode(200)
                .body("DELIVERED", greaterThanOrEqualTo(1))
                .body("QUEUED", greaterThanOrEqualTo(0));
        given().auth()
                .oauth2(operatorToken())
                .queryParam("personalIdNumber", r.pid())
                .queryParam("state", "FAILED")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().auth()
                .oauth2(operatorToken())
                .queryParam("personalIdNumber", r.pid())
                .queryParam("state", "DELIVERED")
                .get(PATH)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].purpose", equalTo("PHONE_LINKED"));
    }
}
