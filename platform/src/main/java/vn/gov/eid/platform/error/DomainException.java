package vn.gov.eid.platform.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A broken business rule, said in the domain's words: what kind of failure it is and a stable code. It knows no
 * HTTP; the platform's problem mapper turns it into RFC 9457 problem+json ({@code urn:vn-eid:problem:<code>}).
 * A use case that needs to react to one particular failure catches a subclass, never a code string.
 */
public class DomainException extends RuntimeException {

    /** The prefix of every problem type URN. */
    public static final String TYPE_PREFIX = "urn:vn-eid:problem:";

    /** RFC 9457 members an extension must not overwrite. */
    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    /** What kind of rule was broken; the REST layer chooses the status code from it. */
    public enum Kind {
        /** The input breaks a rule (fields, formats, combinations). */
        INVALID,
        /** The caller's credentials were not accepted. */
        UNAUTHENTICATED,
        /** The caller may not do this. */
        NOT_PERMITTED,
        /** The thing asked for does not exist. */
        NOT_FOUND,
        /** The request clashes with the current state. */
        CONFLICT,
        /** The caller's copy is older than the current state (optimistic concurrency). */
        STALE,
        /** The request is well-formed but cannot be processed as sent (e.g. a reused idempotency key). */
        UNPROCESSABLE,
        /** The subject is locked. */
        LOCKED,
        /** The caller sent too many requests. */
        RATE_LIMITED,
        /** The service cannot take the request now (a bounded resource is full); the caller may retry later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Long retryAfterSeconds;

    public DomainException(Kind kind, String code, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.title = title;
    }

    public static DomainException invalid(String code, String title, String detail) {
        return new DomainException(Kind.INVALID, code, title, detail);
    }

    /** The validation failure with field-level violations ({@code urn:vn-eid:problem:validation}). */
    public static DomainException violations(List<Violation> violations) {
        return invalid("validation", "Invalid request", violations.size() + " field(s) are invalid")
                .with("violations", List.copyOf(violations));
    }

    public static DomainException unauthenticated(String code, String title, String detail) {
        return new DomainException(Kind.UNAUTHENTICATED, code, title, detail);
    }

    public static DomainException notPermitted(String code, String title, String detail) {
        return new DomainException(Kind.NOT_PERMITTED, code, title, detail);
    }

    public static DomainException notFound(String code, String title, String detail) {
        return new DomainException(Kind.NOT_FOUND, code, title, detail);
    }

    public static DomainException conflict(String code, String title, String detail) {
        return new DomainException(Kind.CONFLICT, code, title, detail);
    }

    public static DomainException stale(String code, String title, String detail) {
        return new DomainException(Kind.STALE, code, title, detail);
    }

    public static DomainException unprocessable(String code, String title, String detail) {
        return new DomainException(Kind.UNPROCESSABLE, code, title, detail);
    }

    public static DomainException locked(String code, String title, String detail) {
        return new DomainException(Kind.LOCKED, code, title, detail);
    }

    public static DomainException rateLimited(String code, String title, String detail) {
        return new DomainException(Kind.RATE_LIMITED, code, title, detail);
    }

    public static DomainException unavailable(String code, String title, String detail) {
        return new DomainException(Kind.UNAVAILABLE, code, title, detail);
    }

    /** When the caller may try again (answered as Retry-After, in whole seconds, at least 1). */
    public DomainException retryAfter(java.time.Duration wait) {
        long seconds = (wait.toMillis() + 999) / 1000;
        this.retryAfterSeconds = Math.max(1, seconds);
        return this;
    }

    /** Seconds until the caller may try again, if this failure says so. */
    public java.util.OptionalLong retryAfterSeconds() {
        return retryAfterSeconds == null
                ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(retryAfterSeconds);
    }

    /** Adds an extension member (e.g. the id of a conflicting resource, the end of a lock). */
    public DomainException with(String name, Object value) {
        if (STANDARD_MEMBERS.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a standard problem member, not an extension");
        }
        extensions.put(name, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
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
