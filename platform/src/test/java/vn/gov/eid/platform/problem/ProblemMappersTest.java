package vn.gov.eid.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.error.DomainException.Kind;

/** The one table from kind of domain failure to HTTP status. */
class ProblemMappersTest {

    @Test
    void everyKindHasItsOwnStatus() {
        Set<Integer> statuses =
                Arrays.stream(Kind.values()).map(ProblemMappers::status).collect(Collectors.toSet());
        assertEquals(Kind.values().length, statuses.size(), "two kinds share a status: " + statuses);
    }

    @Test
    void aRetryAfterBecomesTheHeaderInWholeSecondsRoundedUp() {
        var e = vn.gov.eid.platform.error.DomainException.rateLimited("too-many-requests", "Too many", "slow down")
                .retryAfter(java.time.Duration.ofMillis(1500));
        var response = new ProblemMappers().problem(e, null);
        assertEquals(429, response.getStatus());
        assertEquals("2", String.valueOf(response.getHeaderString("Retry-After")));
        assertEquals(
                1L,
                vn.gov.eid.platform.error.DomainException.unavailable("busy", "Busy", "later")
                        .retryAfter(java.time.Duration.ZERO)
                        .retryAfterSeconds()
                        .getAsLong());
    }

    @Test
    void statusesAreTheAgreedClientErrors() {
        Map<Kind, Integer> expected = Map.ofEntries(
                Map.entry(Kind.INVALID, 400),
                Map.entry(Kind.UNAUTHENTICATED, 401),
                Map.entry(Kind.NOT_PERMITTED, 403),
                Map.entry(Kind.NOT_FOUND, 404),
                Map.entry(Kind.CONFLICT, 409),
                Map.entry(Kind.STALE, 412),
                Map.entry(Kind.UNPROCESSABLE, 422),
                Map.entry(Kind.LOCKED, 423),
                Map.entry(Kind.RATE_LIMITED, 429),
                Map.entry(Kind.UNAVAILABLE, 503));
        assertEquals(Kind.values().length, expected.size(), "a new kind needs its row here");
        expected.forEach((kind, status) -> assertEquals(status, ProblemMappers.status(kind), kind.name()));
    }
}
