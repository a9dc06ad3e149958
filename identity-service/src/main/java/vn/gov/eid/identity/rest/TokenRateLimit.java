package vn.gov.eid.identity.rest;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.problem.ProblemMappers;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import vn.gov.eid.identity.config.IdentityConfig;

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

    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext ctx, HttpServerRequest request) {
        if (!TOKEN_PATH.equals(request.path()) || !"POST".equals(request.method().name())) {
            return null;
        }
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        long now = System.currentTimeMillis();
        long window = now / 60_000;
        long[] counter = windows.compute(address, (k, c) -> {
            if (c == null || c[0] != window) {
                return new long[] {window, 1};
            }
            c[1]++;
            return c;
        });
        if (counter[1] <= config.rateLimit().requestsPerMinute()) {
            return null;
        }
        long retryAfter = Math.max(1, ((window + 1) * 60_000 - now + 999) / 1000);
        // the platform renders the problem like every other error; only Retry-After is added here
        DomainException tooMany = DomainException.rateLimited("too-many-requests", "Too many requests", "more than "
                + config.rateLimit().requestsPerMinute() + " token requests a minute from this address; retry after "
                + retryAfter + " s");
        return Response.fromResponse(PROBLEMS.problem(tooMany, ctx.getUriInfo())).header("Retry-After", retryAfter).build();
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOldWindows() {
        long current = System.currentTimeMillis() / 60_000;
        windows.values().removeIf(c -> c[0] < current);
    }
}
