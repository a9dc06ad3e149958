package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The OpenAPI document lists every endpoint, each with an example, and the bearer-token scheme. */
@QuarkusTest
class OpenApiTest {
    private static final Map<String, String> ENDPOINTS = Map.of(
            "/api/v1/dossiers", "get post",
            "/api/v1/dossiers/{id}", "get",
            "/api/v1/dossiers/by-personal-id/{personalIdNumber}", "get",
            "/api/v1/dossiers/{id}/transitions", "post",
            "/api/v1/dossiers/{id}/history", "get",
            "/api/v1/dossiers/{id}/biometrics", "get put",
            "/api/v1/dossiers/{id}/integrated-documents/{type}/verification", "post");

    @Test
    void everyEndpointIsDocumentedWithAnExample() throws Exception {
        JsonNode doc = new ObjectMapper()
                .readTree(given().queryParam("format", "json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        JsonNode paths = doc.get("paths");
        ENDPOINTS.forEach((path, methods) -> {
            JsonNode item = paths.get(path);
            assertNotNull(item, "missing path " + path);
            for (String method : methods.split(" ")) {
                JsonNode op = item.get(method);
                assertNotNull(op, method + " " + path);
                assertTrue(op.toString().contains("\"examples\""), "no example for " + method + " " + path);
            }
        });
        assertEquals(
                9,
                ENDPOINTS.values().stream().mapToInt(m -> m.split(" ").length).sum());
        assertTrue(
                doc.get("components").get("securitySchemes").toString().contains("bearer"),
                doc.get("components").get("securitySchemes").toString());
    }

    /** dossier-service consumes nothing, so the platform's dead-letter endpoint is not built into it. */
    @Test
    void thereIsNoDeadLetterEndpoint() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("dead-letters")));
        given().auth()
                .oauth2(vn.gov.eid.testsupport.TestTokens.token("operator1", "operator"))
                .get("/api/v1/dead-letters")
                .then()
                .statusCode(404);
    }
}
