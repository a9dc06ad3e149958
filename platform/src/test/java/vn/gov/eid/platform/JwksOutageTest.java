package vn.gov.eid.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestTokens;

/**
 * identity-service goes away for longer than its keys may be cached: the services keep verifying tokens with the keys
 * they fetched (smallrye.jwt.jwks.retain-cache-on-error-duration), instead of refusing every caller until it is back.
 */
@QuarkusTest
@QuarkusTestResource(value = JwksOutageResource.class, restrictToAnnotatedClass = true)
class JwksOutageTest {

    @Test
    void tokensStillVerifyWhileTheKeyEndpointIsDownAfterTheCacheRanOut() {
        String token = TestTokens.token("operator1", "operator");
        given().auth().oauth2(token).get("/probe/secured").then().statusCode(200);
        assertTrue(JwksOutageResource.served.get() >= 1, "the keys came from the JWKS endpoint");

        JwksOutageResource.down.set(true);
        // past the max-age (1 s): the next token makes the service try to fetch the keys again, and fail
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(3)).until(() -> true);
        given().auth().oauth2(token).get("/probe/secured").then().statusCode(200);
        assertTrue(JwksOutageResource.refused.get() >= 1, "the service did try to fetch the keys again");
        given().auth()
                .oauth2(TestTokens.otherKey("operator1", "operator"))
                .get("/probe/secured")
                .then()
                .statusCode(401);
        JwksOutageResource.down.set(false);
    }
}
