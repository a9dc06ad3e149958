package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static vn.gov.eid.dossier.DossierApi.BASE;
import static vn.gov.eid.dossier.DossierApi.act;
import static vn.gov.eid.dossier.DossierApi.officer;
import static vn.gov.eid.dossier.DossierApi.submitted;
import static vn.gov.eid.dossier.DossierApi.supervisor;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state x action pair, driven over HTTP with the role the workflow assigns to the action. */
@QuarkusTest
class StateMachineTest {
    /** How to reach each state from a fresh submission. */
    private static final Map<String, List<String>> PATHS = Map.of(
            "SUBMITTED", List.of(),
            "IN_REVIEW", List.of("START_REVIEW"),
            "SUPPLEMENT_REQUESTED", List.of("START_REVIEW", "REQUEST_SUPPLEMENT"),
            "APPROVED", List.of("START_REVIEW", "APPROVE"),
            "COMPLETED", List.of("START_REVIEW", "APPROVE", "COMPLETE"),
            "REJECTED", List.of("REJECT"));

    /** The expected table, written out independently of the production enum. */
    private static final Map<String, Map<String, String>> ALLOWED = Map.of(
            "SUBMITTED", Map.of("START_REVIEW", "IN_REVIEW", "REJECT", "REJECTED"),
            "IN_REVIEW", Map.of("REQUEST_SUPPLEMENT", "SUPPLEMENT_REQUESTED", "APPROVE", "APPROVED",
                    "REJECT", "REJECTED"),
            "SUPPLEMENT_REQUESTED", Map.of("RESUBMIT", "IN_REVIEW", "START_REVIEW", "IN_REVIEW",
                    "REJECT", "REJECTED"),
            "APPROVED", Map.of("COMPLETE", "COMPLETED", "REJECT", "REJECTED"),
            "COMPLETED", Map.of(),
            "REJECTED", Map.of());

    private static final List<String> ACTIONS = List.of("START_REVIEW", "REQUEST_SUPPLEMENT", "RESUBMIT",
            "APPROVE", "REJECT", "COMPLETE");

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (String state : PATHS.keySet().stream().sorted().toList()) {
            for (String action : ACTIONS) {
                out.add(Arguments.of(state, action, ALLOWED.get(state).get(action)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("pairs")
    void stateActionPair(String state, String action, String expected) {
        String id = submitted(DossierApi.newIssue());
        // Biometrics on file, so APPROVE is decided by the state table alone.
        DossierApi.putBiometrics(id, DossierApi.biometrics(), officer()).then().statusCode(200);
        PATHS.get(state).forEach(a -> act(id, a, "REJECT".equals(a) ? "reason" : null,
                List.of("START_REVIEW", "REQUEST_SUPPLEMENT", "RESUBMIT").contains(a) ? officer() : supervisor())
                .then().statusCode(200));
        String token = List.of("START_REVIEW", "REQUEST_SUPPLEMENT", "RESUBMIT").contains(action)
                ? officer() : supervisor();
        String note = "REJECT".equals(action) ? "reason" : null;
        if (expected == null) {
            act(id, action, note, token).then().statusCode(409)
                    .body("type", equalTo("urn:vn-eid:problem:transition-not-allowed"))
                    .body("status", equalTo(409));
            given().auth().oauth2(officer()).get(BASE + "/" + id).then().body("status", equalTo(state));
        } else {
            act(id, action, note, token).then().statusCode(200).body("status", equalTo(expected));
            given().auth().oauth2(officer()).get(BASE + "/" + id).then().body("status", equalTo(expected));
        }
    }
}
