package vn.gov.eid.notification.service;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import vn.gov.eid.notification.domain.PersonalIdNumber;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/**
 * The operator's filter on the message list as it comes from the query string (all optional, raw text), and its
 * parsing into bounded values: every value that is malformed or out of bounds is one violation naming the parameter.
 */
public record MessageFilter(String personalIdNumber, String state, String from, String to, String limit) {

    /**
     * Earliest instant a filter may name. PostgreSQL's timestamptz ends in year 294276 and Java's Instant goes much
     * further, so a year such as +1000000000 would reach the database and fail there; no message is older than this.
     */
    public static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    /** First instant past the latest one a filter may name (the end of year 9999, the last four-digit year). */
    public static final Instant BEYOND_LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    static final String INSTANT_RULE =
            "must be an RFC 3339 instant from 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z, such as 2026-11-28T00:00:00Z";

    /** The filter as the query runs it: each value valid, the limit within its bounds. */
    public record Parsed(String personalIdNumber, SmsState state, Instant from, Instant to, int limit) {}

    /** The filter parsed; fails with one violation per parameter that is malformed or out of bounds. */
    public Parsed parse(int defaultLimit, int maxLimit) {
        List<Violation> violations = new ArrayList<>();
        if (personalIdNumber != null && !PersonalIdNumber.isValid(personalIdNumber)) {
            violations.add(new Violation("personalIdNumber", "must be 12 digits"));
        }
        SmsState s = parseState(state, violations);
        Instant f = parseInstant(from, "from", violations);
        Instant t = parseInstant(to, "to", violations);
        int l = parseLimit(limit, defaultLimit, maxLimit, violations);
        if (!violations.isEmpty()) {
            throw DomainException.violations(violations);
        }
        return new Parsed(personalIdNumber, s, f, t, l);
    }

    private static SmsState parseState(String raw, List<Violation> out) {
        if (raw == null) {
            return null;
        }
        try {
            return SmsState.valueOf(raw.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            out.add(new Violation("state", "must be one of " + Arrays.toString(SmsState.values())));
            return null;
        }
    }

    private static Instant parseInstant(String raw, String field, List<Violation> out) {
        if (raw == null) {
            return null;
        }
        try {
            Instant value = Instant.parse(raw.trim());
            if (!value.isBefore(EARLIEST) && value.isBefore(BEYOND_LATEST)) {
                return value;
            }
        } catch (DateTimeException e) {
            // not an instant at all: the same answer as one out of bounds
        }
        out.add(new Violation(field, INSTANT_RULE));
        return null;
    }

    private static int parseLimit(String raw, int fallback, int max, List<Violation> out) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // too long for an int, or not a number at all: the same answer as out of bounds
        }
        out.add(new Violation("limit", "must be a whole number from 1 to " + max));
        return fallback;
    }
}
