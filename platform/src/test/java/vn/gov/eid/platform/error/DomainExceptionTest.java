package vn.gov.eid.platform.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Domain failures: kind, stable problem type and extensions, without HTTP. */
class DomainExceptionTest {

    @Test
    void extensionsCannotOverwriteStandardMembers() {
        for (String member : List.of("type", "title", "status", "detail", "instance")) {
            DomainException e = DomainException.conflict("x", "X", "x");
            assertThrows(IllegalArgumentException.class, () -> e.with(member, "OPEN"), member);
            assertTrue(e.extensions().isEmpty(), member + " was added anyway");
        }
    }

    @Test
    void extensionsAreKeptInTheOrderAdded() {
        DomainException e = DomainException.locked("account-locked", "Account locked", "too many attempts")
                .with("lockedUntil", "2026-01-01T00:00:00Z")
                .with("attempts", 5);
        assertEquals(
                List.of("lockedUntil", "attempts"),
                new ArrayList<>(e.extensions().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> e.extensions().put("x", 1), "read-only view");
    }

    @Test
    void typeIsTheStableCodeUnderTheProjectPrefix() {
        DomainException e = DomainException.notFound("dossier-not-found", "Dossier not found", "no dossier d-1");
        assertEquals("urn:vn-eid:problem:dossier-not-found", e.type());
        assertEquals("dossier-not-found", e.code());
        assertEquals("Dossier not found", e.title());
        assertEquals("no dossier d-1", e.detail());
        assertEquals("no dossier d-1", e.getMessage());
    }

    @Test
    void eachFactoryGivesItsKind() {
        Map<DomainException.Kind, Function<String, DomainException>> factories = Map.ofEntries(
                Map.entry(DomainException.Kind.INVALID, c -> DomainException.invalid(c, "t", "d")),
                Map.entry(DomainException.Kind.UNAUTHENTICATED, c -> DomainException.unauthenticated(c, "t", "d")),
                Map.entry(DomainException.Kind.NOT_PERMITTED, c -> DomainException.notPermitted(c, "t", "d")),
                Map.entry(DomainException.Kind.NOT_FOUND, c -> DomainException.notFound(c, "t", "d")),
                Map.entry(DomainException.Kind.CONFLICT, c -> DomainException.conflict(c, "t", "d")),
                Map.entry(DomainException.Kind.STALE, c -> DomainException.stale(c, "t", "d")),
                Map.entry(DomainException.Kind.UNPROCESSABLE, c -> DomainException.unprocessable(c, "t", "d")),
                Map.entry(DomainException.Kind.LOCKED, c -> DomainException.locked(c, "t", "d")),
                Map.entry(DomainException.Kind.RATE_LIMITED, c -> DomainException.rateLimited(c, "t", "d")),
                Map.entry(DomainException.Kind.UNAVAILABLE, c -> DomainException.unavailable(c, "t", "d")));
        assertEquals(DomainException.Kind.values().length, factories.size(), "a factory per kind");
        factories.forEach(
                (kind, factory) -> assertEquals(kind, factory.apply("c").kind()));
    }

    @Test
    void violationsAreAValidationProblemWithACopyOfTheList() {
        List<Violation> list = new ArrayList<>(List.of(
                new Violation("name", "must not be blank"), new Violation("personalIdNumber", "must be 12 digits")));
        DomainException e = DomainException.violations(list);
        list.clear();
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals("urn:vn-eid:problem:validation", e.type());
        assertEquals("2 field(s) are invalid", e.detail());
        assertEquals(
                List.of(
                        new Violation("name", "must not be blank"),
                        new Violation("personalIdNumber", "must be 12 digits")),
                e.extensions().get("violations"));
    }
}
