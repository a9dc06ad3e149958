package vn.gov.eid.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every state x action pair of the workflow table, and who may take each action (plain JUnit, no Quarkus). */
class StateMachineTest {
    /** The expected table, written out independently of the production enum. */
    private static final Map<String, Map<String, String>> ALLOWED = Map.of(
            "SUBMITTED", Map.of("START_REVIEW", "IN_REVIEW", "REJECT", "REJECTED"),
            "IN_REVIEW",
                    Map.of("REQUEST_SUPPLEMENT", "SUPPLEMENT_REQUESTED", "APPROVE", "APPROVED", "REJECT", "REJECTED"),
            "SUPPLEMENT_REQUESTED", Map.of("RESUBMIT", "IN_REVIEW", "START_REVIEW", "IN_REVIEW", "REJECT", "REJECTED"),
            "APPROVED", Map.of("COMPLETE", "COMPLETED", "REJECT", "REJECTED"),
            "COMPLETED", Map.of(),
            "REJECTED", Map.of());

    private static final List<String> ACTIONS =
            List.of("START_REVIEW", "REQUEST_SUPPLEMENT", "RESUBMIT", "APPROVE", "REJECT", "COMPLETE");

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (String state : ALLOWED.keySet().stream().sorted().toList()) {
            for (String action : ACTIONS) {
                out.add(Arguments.of(state, action, ALLOWED.get(state).get(action)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @MethodSource("pairs")
    void stateActionPair(String state, String action, String expected) {
        DossierStatus from = DossierStatus.valueOf(state);
        Action a = Action.valueOf(action);
        assertEquals(Optional.ofNullable(expected).map(DossierStatus::valueOf), a.next(from));
        assertEquals(expected != null, Action.allowedFrom(from).contains(a), "allowedFrom(" + state + ")");
    }

    @Test
    void tableCoversEveryStateAndAction() {
        assertEquals(
                EnumSet.allOf(DossierStatus.class),
                ALLOWED.keySet().stream()
                        .map(DossierStatus::valueOf)
                        .collect(() -> EnumSet.noneOf(DossierStatus.class), Set::add, Set::addAll));
        assertEquals(
                List.of(Action.values()), ACTIONS.stream().map(Action::valueOf).toList());
    }

    @Test
    void officersHandleTheReviewAndSupervisorsDecide() {
        for (Action a : List.of(Action.START_REVIEW, Action.REQUEST_SUPPLEMENT, Action.RESUBMIT)) {
            assertEquals("officer", a.role(), a.name());
        }
        for (Action a : List.of(Action.APPROVE, Action.REJECT, Action.COMPLETE)) {
            assertEquals("supervisor", a.role(), a.name());
        }
    }

    @Test
    void onlyARejectionNeedsANote() {
        for (Action a : Action.values()) {
            assertEquals(a == Action.REJECT, a.noteRequired(), a.name());
        }
    }

    @Test
    void onlyCompletedAndRejectedAreClosed() {
        for (DossierStatus s : DossierStatus.values()) {
            assertEquals(ALLOWED.get(s.name()).isEmpty(), !s.open(), s.name());
        }
        assertTrue(DossierStatus.APPROVED.open());
        assertFalse(DossierStatus.COMPLETED.open());
    }
}
