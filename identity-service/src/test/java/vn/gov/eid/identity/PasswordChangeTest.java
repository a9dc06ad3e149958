package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gov.eid.identity.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestTokens;

/** First login: the restricted token may only change the password; after that the citizen logs in normally. */
@QuarkusTest
class PasswordChangeTest {

    private static io.restassured.response.ValidatableResponse change(String token, String current, String next) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("currentPassword", current, "newPassword", next))
                .post("/api/v1/auth/password")
                .then();
    }

    @Test
    void temporaryPasswordMustBeReplacedByOneThatMeetsTheRulesThenNormalLoginWorks() {
        String pid = newPersonalId();
        String temp = createAccount(pid);
        String restricted = login(pid, temp).path("access_token");

        // The restricted token opens nothing else.
        given().auth().oauth2(restricted).get("/api/v1/accounts/" + pid).then().statusCode(403);

        change(restricted, temp, "short1!")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:validation"))
                .body("violations.field", hasItem("newPassword"))
                .body("violations.message", hasItem("must be 8 to 20 characters long"));
        change(restricted, temp, "alllowercase1!")
                .statusCode(400)
                .body("violations.message", hasItem("must contain an upper-case letter"));
        change(restricted, temp, temp)
                .statusCode(400)
                .body("violations.message", hasItem("must differ from the current password"));
        change(restricted, "Wrong_current1", "Brand_new_2026")
                .statusCode(401)
                .body("type", equalTo("urn:vn-eid:problem:invalid-credentials"));
        given().auth()
                .oauth2(restricted)
                .contentType("application/json")
                .body(Map.of("currentPassword", temp))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("newPassword"));

        change(restricted, temp, "Brand_new_2026").statusCode(204);

        JsonNode account = awaitAccount(pid);
        assertEquals("ACTIVE", account.get("status").asText());
        given().auth()
                .oauth2(operatorToken())
                .get("/api/v1/accounts/" + pid)
                .then()
                .body("activatedAt", notNullValue());

        ConsumerRecord<String, String> activated = awaitRecords(
                        ACCOUNTS_TOPIC, pid, "vn.gov.eid.account.activated.v1", 1)
                .get(0);
        JsonNode data = json(activated.value());
        assertEquals("ACTIVE", data.get("status").asText());
        assertEquals(2, data.get("level").asInt());

        login(pid, temp).then().statusCode(401);
        var normal = login(pid, "Brand_new_2026");
        normal.then().statusCode(200).body("password_change_required", equalTo(false));
        JsonNode claims = claims(normal.path("access_token"));
        assertEquals(1, claims.get("groups").size());
        assertEquals("citizen", claims.get("groups").get(0).asText());

        // A citizen may change the password again with a normal token; the username is not a valid password.
        change(normal.path("access_token"), "Brand_new_2026", pid).statusCode(400);
    }

    @Test
    void passwordEqualToTheUsernameIsRefused() {
        String pid = newPersonalId();
        String temp = createAccount(pid);
        String restricted = login(pid, temp).path("access_token");
        // A personal ID number breaks other rules too; the answer still names this one.
        change(restricted, temp, pid)
                .statusCode(400)
                .body("violations.message", hasItem("must differ from the username"));
    }

    @Test
    void passwordChangeNeedsAPersonsToken() {
        // a service client has a secret, not a password it could change here (staff users: LoginLimitsTest)
        change(TestTokens.token("partner-portal", "partner"), "Partner_Secret2026", "Other_pass_1")
                .statusCode(403);
        given().contentType("application/json")
                .body(Map.of("currentPassword", "a", "newPassword", "b"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(401);
    }
}
