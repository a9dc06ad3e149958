package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.gov.eid.dossier.DossierApi.BASE;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.gov.eid.testsupport.TestTokens;

/** The role matrix of every endpoint: 401 for missing or bad tokens, 403 for the wrong role, 2xx for the right one. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierSecurityTest {
    private static final List<String> ROLES = List.of("officer", "supervisor", "operator", "partner", "citizen");

    /** Endpoint name -> roles that may call it. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "submit", List.of("officer"),
            "get", List.of("officer", "supervisor"),
            "lookup", List.of("partner"),
            "transition", List.of("officer", "supervisor"),
            "history", List.of("officer", "supervisor"),
            "biometrics", List.of("officer"),
            "biometrics summary", List.of("officer", "supervisor"),
            "verify", List.of("officer"),
            "list", List.of("officer", "supervisor"));

    @Inject
    DataSource dataSource;

    String existingId;

    @BeforeEach
    void oneDossier() {
        // Quarkus (and REST Assured's port) is only ready per test, not in @BeforeAll.
        if (existingId == null) {
            existingId = DossierApi.submitted(DossierApi.newIssue());
        }
    }

    /** Sends the endpoint's request; for submit the body is a valid new dossier. */
    int call(
            String endpoint,
            RequestSpecification spec,
            Map<String, Object> submitBody,
            Map<String, String> transition) {
        return switch (endpoint) {
            case "submit" ->
                spec.contentType("application/json").body(submitBody).post(BASE).statusCode();
            case "get" -> spec.get(BASE + "/" + existingId).statusCode();
            case "list" -> spec.queryParam("status", "SUBMITTED").get(BASE).statusCode();
            case "lookup" ->
                spec.header("X-Purpose", "KYC for contract 42")
                        .get(BASE + "/by-personal-id/" + DossierApi.pidOf(submitBody))
                        .statusCode();
            case "transition" ->
                spec.contentType("application/json")
                        .body(transition)
                        .post(BASE + "/" + existingId + "/transitions")
                        .statusCode();
            case "history" -> spec.get(BASE + "/" + existingId + "/history").statusCode();
            case "biometrics" ->
                spec.contentType("application/json")
                        .body(DossierApi.biometrics())
                        .put(BASE + "/" + existingId + "/biometrics")
                        .statusCode();
            case "biometrics summary" ->
                spec.get(BASE + "/" + existingId + "/biometrics").statusCode();
            case "verify" ->
                spec.post(BASE + "/" + existingId + "/integrated-documents/HEALTH_INSURANCE/verification")
                        .statusCode();
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    static Stream<Arguments> badTokens() {
        Map<String, Function<String, String>> kinds = Map.of(
                "expired", u -> TestTokens.expired(u, "officer", "supervisor", "partner"),
                "wrong issuer", u -> TestTokens.wrongIssuer(u, "officer", "supervisor", "partner"),
                "unknown key", u -> TestTokens.otherKey(u, "officer", "supervisor", "partner"),
                "alg none", u -> TestTokens.unsigned(u, "officer", "supervisor", "partner"),
                "tampered", u -> TestTokens.tampered(u, "citizen"));
        List<Arguments> out = new ArrayList<>();
        for (String endpoint : ALLOWED.keySet().stream().sorted().toList()) {
            out.add(Arguments.of(endpoint, "none", null));
            kinds.forEach((kind, mint) -> out.add(Arguments.of(endpoint, kind, mint.apply("mallory"))));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} with {1} token -> 401")
    @MethodSource("badTokens")
    void badTokenIs401(String endpoint, String kind, String token) throws Exception {
        Map<String, Object> body = DossierApi.newIssue();
        RequestSpecification spec = token == null ? given() : given().auth().oauth2(token);
        assertEquals(
                401,
                call(endpoint, spec, body, Map.of("action", "START_REVIEW")),
                endpoint + " with " + kind + " token");
        assertEquals(0, DossierApi.storedDossiers(dataSource, DossierApi.pidOf(body)));
    }

    static Stream<Arguments> roles() {
        List<Arguments> out = new ArrayList<>();
        for (String endpoint : ALLOWED.keySet().stream().sorted().toList()) {
            for (String role : ROLES) {
                out.add(Arguments.of(endpoint, role, ALLOWED.get(endpoint).contains(role)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} as {1} allowed={2}")
    @MethodSource("roles")
    void roleMatrix(String endpoint, String role, boolean allowed) throws Exception {
        if (List.of("transition", "biometrics", "verify").contains(endpoint)) {
            existingId = DossierApi.submitted(DossierApi.newIssue());
        }
        if ("biometrics summary".equals(endpoint)) {
            existingId = DossierApi.submitted(DossierApi.newIssue());
            DossierApi.putBiometrics(existingId, DossierApi.biometrics(), DossierApi.officer())
                    .then()
                    .statusCode(200);
        }
        Map<String, Object> body = DossierApi.newIssue();
        // Each staff role tries an action of its own, so a 403 can only come from the endpoint's role check.
        Map<String, String> transition = "supervisor".equals(role)
                ? Map.of("action", "REJECT", "note", "duplicate application")
                : Map.of("action", "START_REVIEW");
        int status = call(endpoint, given().auth().oauth2(DossierApi.tokenFor(role)), body, transition);
        if (!allowed) {
            assertEquals(403, status, endpoint + " as " + role);
            assertEquals(0, DossierApi.storedDossiers(dataSource, DossierApi.pidOf(body)));
        } else {
            assertEquals("submit".equals(endpoint) ? 201 : 200, status, endpoint + " as " + role);
        }
    }
}
