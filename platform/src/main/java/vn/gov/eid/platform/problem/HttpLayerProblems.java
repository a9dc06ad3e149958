package vn.gov.eid.platform.problem;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.gov.eid.platform.error.DomainException;

/**
 * Answers in problem+json the client errors that the Vert.x router decides before any resource runs, which Quarkus
 * would answer with an empty body or its own JSON (logged at ERROR):
 * <ul>
 * <li>a request without a valid Host header (400; Vert.x Web {@code RoutingContextImpl.route()} fails it), or with
 * two (400, checked here: Vert.x takes the first);</li>
 * <li>a request target that is not a path, such as {@code *} (404, same place);</li>
 * <li>any other 4xx a route fails with, e.g. 413 from a body handler;</li>
 * <li>a body announced (Content-Length) over {@code quarkus.http.limits.max-body-size}: 413, checked here before
 * Quarkus' own check (route order -2), which answers with an empty body.</li>
 * </ul>
 * The answers never quote the request (its target or headers may be huge or hostile) and are logged at DEBUG.
 * Requests that fail HTTP decoding (too long a line or header, bad characters, conflicting lengths) or Quarkus'
 * URI check never reach a router: Vert.x and Quarkus answer them with an empty body (see HostileRequestsTest).
 */
@Singleton
public class HttpLayerProblems {

    void install(@Observes Router router) {
        long maxBody = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue)
                .orElse(Long.MAX_VALUE);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> checkHead(ctx, maxBody));
        router.route().order(Integer.MIN_VALUE).failureHandler(HttpLayerProblems::clientError);
    }

    /** What Vert.x lets through but a request must not have; runs before any other route reads the body. */
    private static void checkHead(RoutingContext ctx, long maxBody) {
        if (ctx.request().headers().getAll(HttpHeaders.HOST).size() > 1) {
            // RFC 9112 section 3.2: two Host fields are answered 400 (Vert.x would take the first)
            answer(ctx, ProblemMappers.problemBody(malformed("a request may have only one Host header"), null));
            return;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length, maxBody)) {
            // like Quarkus' own check: the body is not read, the connection closes once the answer is out
            ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            ctx.response().endHandler(v -> ctx.request().connection().close());
            answer(ctx, ProblemMappers.httpStatusBody(413, "the body may have at most " + maxBody + " bytes"));
            return;
        }
        ctx.next();
    }

    private static boolean exceeds(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // Netty refuses a malformed Content-Length before a route runs
        }
    }

    /** 4xx failures; 401, 403 and 407 stay with Quarkus security (challenges), 5xx with Quarkus' error handler. */
    private static void clientError(RoutingContext ctx) {
        int status = ctx.statusCode();
        if (status < 400 || status > 499 || status == 401 || status == 403 || status == 407) {
            ctx.next();
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        if (status == 400 && ctx.request().authority() == null && ctx.request().version() != HttpVersion.HTTP_1_0) {
            answer(ctx, ProblemMappers.problemBody(malformed("an HTTP/1.1 request needs a valid Host header"), null));
        } else if (status == 404) {
            answer(ctx, ProblemMappers.httpStatusBody(404, "nothing is served at this request target"));
        } else {
            answer(ctx, ProblemMappers.httpStatusBody(status, null));
        }
    }

    private static DomainException malformed(String detail) {
        return DomainException.invalid("malformed-request", "Malformed request", detail);
    }

    private static void answer(RoutingContext ctx, Map<String, Object> body) {
        int status = (Integer) body.get("status");
        Log.debugf("the HTTP layer refused a request: %d %s", status, body.get("type"));
        HttpServerResponse response = ctx.response();
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMappers.PROBLEM_JSON)
                .end(Json.encode(body));
    }
}
