package vn.gov.eid.identity.rest;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.problem.ProblemMappers;

/**
 * Per-client-address limit on token requests (429 with Retry-After), in fixed one-minute windows. It is the
 * coarse defence against floods; the per-username lockout is the strict one. The default is generous because
 * all officers of a police office share one public address. The address is the TCP peer, or the forwarded
 * client address when quarkus.http.proxy.* trusts the proxy in front.
 */
@ApplicationScoped
public class TokenRateLimit {

    private static final String TOKEN_PATH = "/api/v1/auth/token";
    private static final ProblemMappers PROBLEMS = new ProblemMappers();

    @Inject
    IdentityConfig config;

    private final MinuteWindows windows = new MinuteWindows();

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext ctx, HttpServerRequest request) {
        if (!TOKEN_PATH.equals(request.path())
                || !"POST".equals(request.method().name())) {
            return null;
        }
        String address = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        int limit = config.rateLimit().requestsPerMinute();
        long retryAfter = windows.retryAfter(address, System.currentTimeMillis(), limit);
        if (retryAfter == 0) {
            return null;
        }
        // the platform renders the problem like every other error; only Retry-After is added here
        DomainException tooMany = DomainException.rateLimited(
                "too-many-requests",
                "Too many requests",
                "more than " + limit + " token requests a minute from this address; retry after " + retryAfter + " s");
        return Response.fromResponse(PROBLEMS.problem(tooMany, ctx.getUriInfo()))
                .header("Retry-After", retryAfter)
                .build();
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldWindows() {
        windows.forgetBefore(System.currentTimeMillis());
    }
}
