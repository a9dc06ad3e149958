package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** POST /api/v1/dossiers honours Idempotency-Key: a retry never creates a second dossier. */
@QuarkusTest
class IdempotencyTest {
    @Inject
    DataSource dataSource;

    static Response submit(String key, Map<String, Object> body, String token) {
        return given().auth()
                .oauth2(token)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body(body)
                .post(DossierApi.BASE);
    }

    @Test
    void retryWithSameKeyAndBodyReturnsTheFirstAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = DossierApi.newIssue();
        String pid = DossierApi.pidOf(body);
        Response first = submit(key, body, DossierApi.officer());
        first.then().statusCode(201);
        Response retry = submit(key, body, DossierApi.officer());
        retry.then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));
        assertEquals(1, DossierApi.storedDossiers(dataSource, pid));
        assertEquals(1, DossierApi.outboxEvents(dataSource, pid));
    }

    @Test
    void simultaneousRetriesWithOneKeyAllGetTheSameDossier() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = DossierApi.newIssue();
        String pid = DossierApi.pidOf(body);
        List<Response> answers = DossierRulesTest.raceAll(6, () -> submit(key, body, DossierApi.officer()));
        assertEquals(
                List.of(201, 201, 201, 201, 201, 201),
                answers.stream().map(Response::statusCode).toList());
        assertEquals(
                1, answers.stream().map(r -> (String) r.path("id")).distinct().count());
        assertEquals(
                5,
                answers.stream()
                        .filter(r -> "true".equals(r.header("Idempotent-Replayed")))
                        .count());
        assertEquals(1, DossierApi.storedDossiers(dataSource, pid));
        assertEquals(1, DossierApi.outboxEvents(dataSource, pid));
    }

    @Test
    void sameKeyWithAnotherBodyIs422() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = DossierApi.newIssue();
        submit(key, body, DossierApi.officer()).then().statusCode(201);
        Map<String, Object> other = DossierApi.newIssue();
        submit(key, other, DossierApi.officer())
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:idempotency-key-reused"));
        assertEquals(0, DossierApi.storedDossiers(dataSource, DossierApi.pidOf(other)));
    }

    @Test
    void keysArePerCaller() {
        String key = UUID.randomUUID().toString();
        submit(key, DossierApi.newIssue(), DossierApi.officer()).then().statusCode(201);
        // Another officer's client picking the same key gets its own dossier, not the first officer's.
        submit(key, DossierApi.newIssue(), vn.gov.eid.testsupport.TestTokens.token("officer2", "officer"))
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void overlongKeyIs400() {
        submit("k".repeat(201), DossierApi.newIssue(), DossierApi.officer())
                .then()
                .statusCode(400);
    }
}
