package vn.gov.eid.notification.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.gov.eid.notification.config.SmsConfig;

/**
 * The limit on request bodies (eid.sms.limits.body-bytes; operator actions are small). A declared Content-Length
 * above it is refused here, before any of the body is read; the body that is read (chunked ones included) is counted
 * by {@link CountedBody}. Both answer 413 ({@link BodyTooLarge}) before the service is called, so nothing is stored.
 */
public class RequestBodyLimit {
    /** The request property that hands the limit to {@link CountedBody}. */
    static final String LIMIT = RequestBodyLimit.class.getName() + ".limit";

    @Inject
    SmsConfig config;

    /** Hands the limit on and refuses a declared length above it; runs before the body is read. */
    @ServerRequestFilter
    public void declaredLength(ContainerRequestContext ctx) {
        long limit = config.limits().bodyBytes();
        ctx.setProperty(LIMIT, limit);
        if (declaredAbove(ctx.getHeaderString(HttpHeaders.CONTENT_LENGTH), limit)) {
            throw new BodyTooLarge(limit);
        }
    }

    private static boolean declaredAbove(String contentLength, long limit) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            // The HTTP codec only lets digits through, so this is a length beyond a long.
            return true;
        }
    }
}
