package vn.gov.eid.platform.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Limits on request bodies per endpoint, in every service: the service's {@link BodyLimits}, else
 * {@code eid.http.limits.body-bytes}. A declared Content-Length above the limit is refused here, before any of the body
 * is read; the body that is read (chunked ones included) is counted by {@link CountedBody}. Both answer 413
 * ({@link BodyTooLarge}) before the service is called, so nothing is stored.
 */
public class RequestBodyLimit {

    /** The request property that hands the endpoint's limit to {@link CountedBody}. */
    static final String LIMIT = RequestBodyLimit.class.getName() + ".limit";

    /** The default limit. */
    @ConfigMapping(prefix = "eid.http.limits")
    public interface Defaults {
        /** Largest request body of an endpoint when the service says nothing else (413 above). */
        @WithDefault("262144")
        long bodyBytes();
    }

    @Inject
    Defaults defaults;

    @Inject
    Instance<BodyLimits> serviceLimits;

    /** Chooses the endpoint's limit and refuses a declared length above it; runs before the body is read. */
    @ServerRequestFilter
    public void declaredLength(ContainerRequestContext ctx, ResourceInfo resource) {
        long limit = serviceLimits.isResolvable()
                ? serviceLimits.get().limitFor(resource.getResourceMethod())
                : defaults.bodyBytes();
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
