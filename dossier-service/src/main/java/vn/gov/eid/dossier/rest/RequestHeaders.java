package vn.gov.eid.dossier.rest;

import java.util.List;
import java.util.regex.Pattern;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/** Bounds on the request headers the API reads; a header out of bounds is a 400 violation that names it. */
final class RequestHeaders {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String PURPOSE = "X-Purpose";
    static final String IF_MATCH = "If-Match";

    /** 1 to 128 visible ASCII characters (no spaces): room for a UUID, a ULID or a hash. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    /** 1 to 200 printable ASCII characters, e.g. a contract reference and a reason. */
    private static final Pattern PURPOSE_TEXT = Pattern.compile("[\\x20-\\x7E]{1,200}");

    private RequestHeaders() {}

    /** The Idempotency-Key, or null when the request has none. */
    static String idempotencyKey(String value) {
        if (value != null && !KEY.matcher(value).matches()) {
            throw invalid(IDEMPOTENCY_KEY, "must be 1 to 128 printable ASCII characters without spaces");
        }
        return value;
    }

    /** The purpose a partner declares for a lookup: required. */
    static String purpose(String value) {
        String v = value == null ? "" : value.trim();
        if (!PURPOSE_TEXT.matcher(v).matches()) {
            throw invalid(PURPOSE, "is required: why the person is looked up, 1 to 200 printable ASCII characters");
        }
        return v;
    }

    /** The 400 validation failure naming the header. */
    static DomainException invalid(String header, String message) {
        return DomainException.violations(List.of(new Violation(header, message)));
    }
}
