package vn.gov.eid.platform.http;

import java.lang.reflect.Method;

/**
 * How large a request body an endpoint accepts. A service provides one bean of this type from its own settings;
 * without one every endpoint gets {@code eid.http.limits.body-bytes}.
 */
public interface BodyLimits {

    /** The limit in bytes for the matched resource method (null when no method matched). */
    long limitFor(Method resourceMethod);
}
