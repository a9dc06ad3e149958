package vn.gov.eid.platform.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A business error that reaches the caller as RFC 9457 problem+json with a stable type
 * ({@code urn:vn-eid:problem:<code>}).
 */
public class ProblemException extends RuntimeException {

    public static final String TYPE_PREFIX = "urn:vn-eid:problem:";

    /** RFC 9457 members an extension must not overwrite. */
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private final int status;
    private final String code;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String code, String title, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
    }

    /** Adds an extension member (e.g. the id of a conflicting resource, the end of a lock). */
    public ProblemException with(String name, Object value) {
        if (STANDARD_MEMBERS.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a standard problem member, not an extension");
        }
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_PREFIX + code;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }
}
