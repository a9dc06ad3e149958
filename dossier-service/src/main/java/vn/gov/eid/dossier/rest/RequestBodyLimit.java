package vn.gov.eid.dossier.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.gov.eid.dossier.config.DossierConfig;

/**
 * Per-endpoint limits on request bodies: the small default everywhere, the biometrics limit on the endpoint marked
 * {@link LargeBody}. A declared Content-Length above the limit is refused here, before any of the body is read; the
 * body that is read (chunked ones included) is counted by {@link CountedBody}. Both answer 413 ({@link BodyTooLarge})
 * before the service is called, so nothing is stored.
 */
public class RequestBodyLimit {
    /** The request property that hands the endpoint's limit to {@link CountedBody}. */
    static final String LIMIT = RequestBodyLimit.class.getName() + ".limit";

    @Inject
    DossierConfig config;

    /** Chooses the endpoint's limit and refuses a declared length above it; runs before the body is read. */
    @ServerRequestFilter
    public void declaredLength(ContainerRequestContext ctx, ResourceInfo resource) {
        long limit = resource.getResourceMethod() != null
                        && resource.getResourceMethod().isAnnotationPresent(LargeBody.class)
                ? config.limits().biometricsBodyBytes()
                : config.limits().bodyBytes();
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
