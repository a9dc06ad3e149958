package vn.gov.eid.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/** Parsing the operator's list filter: every value bounded, each bad one a violation naming its parameter. */
class MessageFilterTest {

    private static MessageFilter.Parsed parse(String pid, String state, String from, String to, String limit) {
        return new MessageFilter(pid, state, from, to, limit).parse(100, 1000);
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(DomainException e) {
        return ((List<Violation>) e.extensions().get("violations"))
                .stream().map(Violation::field).toList();
    }

    private static List<String> refused(String pid, String state, String from, String to, String limit) {
        DomainException e = assertThrows(DomainException.class, () -> parse(pid, state, from, to, limit));
        assertEquals(DomainException.Kind.INVALID, e.kind());
        assertEquals("urn:vn-eid:problem:validation", e.type());
        return fields(e);
    }

    @Test
    void nothingGivenIsEverythingWithTheDefaultLimit() {
        MessageFilter.Parsed p = parse(null, null, null, null, null);
        assertNull(p.personalIdNumber());
        assertNull(p.state());
        assertNull(p.from());
        assertNull(p.to());
        assertEquals(100, p.limit());
    }

    @Test
    void validValuesAtTheirBoundsAreTaken() {
        MessageFilter.Parsed p =
                parse("001203012345", " delivered ", "1900-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1000");
        assertEquals("001203012345", p.personalIdNumber());
        assertEquals(SmsState.DELIVERED, p.state());
        assertEquals(MessageFilter.EARLIEST, p.from());
        assertEquals(MessageFilter.BEYOND_LATEST.minusNanos(1), p.to());
        assertEquals(1000, p.limit());
        assertEquals(1, parse(null, null, null, null, "1").limit());
        // an offset is RFC 3339 too
        assertEquals(
                Instant.parse("2026-01-01T00:00:00Z"),
                parse(null, null, "2026-01-01T07:00:00+07:00", null, null).from());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "+1000000000-01-01T00:00:00Z",
                "-999999999-01-01T00:00:00Z",
                "1899-12-31T23:59:59.999Z",
                "+10000-01-01T00:00:00Z",
                "2026-02-30T00:00:00Z",
                "2026-01-01",
                "1767225600",
                "",
                "now"
            })
    void instantsThatAreMalformedOrOutsideTheYears1900To9999AreRefused(String value) {
        assertEquals(List.of("from"), refused(null, null, value, null, null));
        assertEquals(List.of("to"), refused(null, null, null, value, null));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"abc", "0", "-1", "1001", "2147483647", "2147483648", "9223372036854775808", "1.5", ""})
    void limitsThatAreNotAWholeNumberFrom1To1000AreRefused(String value) {
        assertEquals(List.of("limit"), refused(null, null, null, null, value));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "SENT", "QUEUED;", "' OR '1'='1"})
    void unknownStatesAreRefused(String value) {
        assertEquals(List.of("state"), refused(null, value, null, null, null));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "",
                "00120301234",
                "0012030123456",
                " 001203012345 ",
                "001203012345\n",
                "001203012345\u0000",
                "\uff10\uff10\uff11\uff12\uff10\uff13\uff10\uff11\uff12\uff13\uff14\uff15"
            })
    void personalIdNumbersThatAreNotTwelveDigitsAreRefused(String value) {
        assertEquals(List.of("personalIdNumber"), refused(value, null, null, null, null));
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        assertEquals(
                List.of("personalIdNumber", "state", "from", "to", "limit"),
                refused("x", "x", "+1000000000-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "abc"));
    }
}
