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
    void statusesAreTheAgreedClientErrors() {
        Map<Kind, Integer> expected = Map.of(
                Kind.INVALID,
                400,
                Kind.UNAUTHENTICATED,
                401,
                Kind.NOT_PERMITTED,
                403,
                Kind.NOT_FOUND,
                404,
                Kind.CONFLICT,
                409,
                Kind.STALE,
                412,
                Kind.UNPROCESSABLE,
                422,
                Kind.LOCKED,
                423,
                Kind.RATE_LIMITED,
                429);
        assertEquals(Kind.values().length, expected.size(), "a new kind needs its row here");
        expected.forEach((kind, status) -> assertEquals(status, ProblemMappers.status(kind), kind.name()));
    }
}
