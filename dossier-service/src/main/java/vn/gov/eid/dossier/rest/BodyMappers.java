package vn.gov.eid.dossier.rest;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.gov.eid.platform.problem.ProblemException;
import vn.gov.eid.platform.problem.ProblemMappers;
import vn.gov.eid.platform.problem.Violation;

/**
 * Turns JSON bodies that do not fit the request types into problem+json. Quarkus' own, more specific mapper for
 * MismatchedInputException would otherwise answer in plain JSON and bypass the platform's mapper; an unknown
 * enum value (e.g. type RENEW) becomes a field violation like any other bad field.
 */
public class BodyMappers {
    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
            return problems.problem(new ProblemException(400, "validation", "Invalid request", "1 field(s) are invalid")
                    .with("violations", List.of(new Violation(field, "must be one of " + allowed))), uri);
        }
        return problems.problem(new ProblemException(400, "malformed-body", "Malformed request body",
                "the body does not fit this request" + (field.isEmpty() ? "" : " at " + field)), uri);
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
}
