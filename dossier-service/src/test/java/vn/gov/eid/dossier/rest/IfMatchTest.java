package vn.gov.eid.dossier.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/** The version a client sends back in If-Match (plain JUnit, no Quarkus). */
class IfMatchTest {
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {"\"3\"     | 3", "W/\"3\"   | 3", "3         | 3", "' \"42\" '| 42", "\"0\"     | 0"})
    void versionFromStrongOrWeakTag(String header, long version) {
        assertEquals(version, IfMatch.version(header));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "*", " * "})
    void anyVersionWhenTheHeaderSaysNothingOrStar(String header) {
        assertNull(IfMatch.version(header));
    }

    @Test
    void absentHeaderMeansAnyVersion() {
        assertNull(IfMatch.version(null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abc",
                "3abc",
                "\"3",
                "W/3",
                "\"3\" junk",
                "\"a b\"",
                "\"\u00e9\"",
                "\"3\";DROP TABLE dossier",
                "\"1111111111111111111111111111111111111111111111111111111111111111\""
            })
    void aMalformedOrOverlongHeaderIsAViolationNamingIt(String header) {
        DomainException e = assertThrows(DomainException.class, () -> IfMatch.version(header));
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals("urn:vn-eid:problem:validation", e.type());
        assertEquals(
                List.of("If-Match"),
                ((List<?>) e.extensions().get("violations"))
                        .stream().map(v -> ((Violation) v).field()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "W/\"\"", "\"3\", \"4\"", "\"99999999999999999999\""})
    void aTagWeNeverIssuedIsStale(String header) {
        DomainException e = assertThrows(DomainException.class, () -> IfMatch.version(header));
        assertEquals(DomainException.Kind.STALE, e.kind());
        assertEquals("urn:vn-eid:problem:stale-dossier", e.type());
        assertEquals("Dossier changed meanwhile", e.title());
        assertEquals("If-Match does not match the dossier's current ETag", e.detail());
    }
}
