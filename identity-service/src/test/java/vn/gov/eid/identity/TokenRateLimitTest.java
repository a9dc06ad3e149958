package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Token requests are limited per client address (429 + Retry-After); other addresses are not affected. */
@QuarkusTest
class TokenRateLimitTest {

    @TestHTTPResource("/api/v1/auth/token")
    URI tokenEndpoint;

    // One keep-alive client: hundreds of requests in a few seconds.
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> tokenRequestFrom(String address) throws Exception {
        // An unsupported grant costs no hashing, so the test reaches the limit quickly.
        return http.send(
                HttpRequest.newBuilder(tokenEndpoint)
                        .header("X-Forwarded-For", address)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=none"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void addressOverTheLimitGets429WithRetryAfterOthersGoOn() throws Exception {
        int limit = ConfigProvider.getConfig().getValue("eid.identity.rate-limit.requests-per-minute", Integer.class);
        assertTrue(limit >= 300, "the default must let a police office's officers work behind one address");
        // Start right after a minute boundary would be ideal; a window change mid-test only delays the 429.
        String office = "203.0.113." + (int) (Math.random() * 200 + 10);
        int accepted = 0;
        HttpResponse<String> limited = null;
        for (int i = 0; i < 2 * limit + 2 && limited == null; i++) {
            HttpResponse<String> r = tokenRequestFrom(office);
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertEquals(400, r.statusCode());
                accepted++;
            }
        }
        assertTrue(limited != null, "no 429 after " + accepted + " requests");
        assertTrue(accepted >= limit && accepted < 2 * limit + 1, accepted + " requests passed before the 429");
        assertEquals(
                "application/problem+json",
                limited.headers().firstValue("Content-Type").orElse(""));
        assertTrue(limited.body().contains("\"type\":\"urn:vn-eid:problem:too-many-requests\""), limited.body());
        assertTrue(limited.body().contains("\"instance\":\"/api/v1/auth/token\""), limited.body());
        int retryAfter =
                Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        assertEquals(400, tokenRequestFrom("198.51.100.23").statusCode());
        // Other endpoints are not limited.
        given().header("X-Forwarded-For", office)
                .get("/.well-known/jwks.json")
                .then()
                .statusCode(200);
    }
}
