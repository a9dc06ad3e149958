package vn.gov.eid.platform.http;

import io.quarkus.logging.Log;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.gov.eid.platform.problem.ProblemMappers;

/**
 * Answers a body over its endpoint's limit with 413 problem+json (rendered by the platform's mapper), and lets a
 * client that sends its whole body before reading still read that answer.
 */
public class BodyTooLargeMapper {
    private static final ProblemMappers PROBLEMS = new ProblemMappers();

    /** What is read and dropped at least: a small limit must not cost the client its answer to a 100 KB body. */
    static final long DRAIN_AT_LEAST = 1024 * 1024;

    @Inject
    CurrentVertxRequest current;

    @ServerExceptionMapper
    public Response bodyTooLarge(BodyTooLarge e, UriInfo uri) {
        Log.infof("request body over %d bytes refused", e.limit());
        discardRest(current.getCurrent().request(), Math.max(2L * e.limit(), DRAIN_AT_LEAST));
        return PROBLEMS.web(new WebApplicationException(e.getMessage(), 413), uri);
    }

    /**
     * Reads and drops what the client still sends, so that one that writes its whole body before reading gets the
     * answer; a client that sends more than the allowance (twice the limit, at least 1 MiB) loses the connection instead.
     */
    private static void discardRest(HttpServerRequest request, long allowance) {
        if (request.isEnded()) {
            return;
        }
        long[] dropped = {0};
        request.handler(chunk -> {
            dropped[0] += chunk.length();
            if (dropped[0] > allowance) {
                request.connection().close();
            }
        });
        request.resume();
    }
}
