package vn.gov.eid.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/** Turns every error that reaches a REST caller into RFC 9457 problem+json, never a stack trace. */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response problem(DomainException e, UriInfo uri) {
        Response response = respond(status(e.kind()), problemBody(e, uri == null ? null : uri.getPath()));
        if (e.retryAfterSeconds().isPresent()) {
            return Response.fromResponse(response)
                    .header("Retry-After", e.retryAfterSeconds().getAsLong())
                    .build();
        }
        return response;
    }

    /** The one place where a kind of domain failure becomes an HTTP status code. */
    public static int status(DomainException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case NOT_PERMITTED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case STALE -> 412;
            case UNPROCESSABLE -> 422;
            case LOCKED -> 423;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
        };
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        return problem(DomainException.violations(violations), uri);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        return problem(
                DomainException.invalid(
                        "malformed-body",
                        "Malformed request body",
                        "the body is not valid JSON for this request: " + e.getOriginalMessage()),
                uri);
    }

    /**
     * A body that is JSON but does not fit the request type. Quarkus has its own, more specific mapper for this
     * exception that answers in plain JSON; this one takes its place. An unknown enum value becomes a field
     * violation like any other bad field.
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        if (e instanceof InvalidFormatException f
                && f.getTargetType() != null
                && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            return problem(DomainException.violations(List.of(new Violation(field, "must be one of " + allowed))), uri);
        }
        return problem(
                DomainException.invalid(
                        "malformed-body",
                        "Malformed request body",
                        "the body does not fit this request" + (field.isEmpty() ? "" : " at " + field)),
                uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Map<String, Object> body = httpStatusBody(status, e.getMessage());
        // a 404's path is what the caller got wrong (it may be long or hostile): it is not echoed
        if (uri != null && status != 404) {
            body.put("instance", uri.getPath());
        }
        Response.ResponseBuilder builder = Response.fromResponse(respond(status, body));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /** No, an expired, or an invalid token (authentication runs lazily, so its failures reach the mappers). */
    @ServerExceptionMapper({
        io.quarkus.security.AuthenticationFailedException.class,
        io.quarkus.security.UnauthorizedException.class
    })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(problem(
                        DomainException.unauthenticated(
                                "unauthorized", "Unauthorized", "a valid bearer token is required"),
                        uri))
                .header("WWW-Authenticate", "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, UriInfo uri) {
        return problem(
                DomainException.notPermitted("forbidden", "Forbidden", "the token does not grant this action"), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(RuntimeException e, UriInfo uri) {
        DomainException refused = RequestDecoding.refusal(e);
        if (refused != null) {
            // the caller's mistake, not ours: one quiet line, without the input (the message of e quotes it)
            Log.debugf("refused a request to %s: %s", uri.getPath(), refused.code());
            return problem(refused, uri);
        }
        Log.errorf(e, "unexpected error on %s", uri.getPath());
        return respond(
                500,
                body(
                        DomainException.TYPE_PREFIX + "internal",
                        "Internal error",
                        500,
                        "the request could not be completed; it has been logged",
                        uri));
    }

    /**
     * The body for an HTTP status that the HTTP layer chose (not a domain failure): the type is derived from the
     * reason phrase ({@code 413 -> urn:vn-eid:problem:request-entity-too-large}), the same for the REST layer and
     * for the Vert.x router ({@link HttpLayerProblems}).
     */
    static Map<String, Object> httpStatusBody(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status;
        String code = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return body(DomainException.TYPE_PREFIX + code, title, status, detail, null);
    }

    /** The body for a domain failure, with the instance if there is one. */
    static Map<String, Object> problemBody(DomainException e, String instance) {
        Map<String, Object> body = body(e.type(), e.title(), status(e.kind()), e.detail(), null);
        if (instance != null) {
            body.put("instance", instance);
        }
        body.putAll(e.extensions());
        return body;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static Map<String, Object> body(String type, String title, int status, String detail, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (uri != null) {
            body.put("instance", uri.getPath());
        }
        return body;
    }

    private static Response respond(int status, Map<String, Object> body) {
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    /** The request field a violation is about, without the method and parameter names of the resource. */
    private static String field(ConstraintViolation<?> v) {
        StringBuilder sb = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null && sb.length() > 0) {
                sb.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        return sb.length() == 0 ? "body" : sb.toString();
    }
}
