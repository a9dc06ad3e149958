package vn.gov.eid.dossier.rest;

import io.quarkus.logging.Log;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.gov.eid.platform.crypto.DataCipherException;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.problem.ProblemMappers;

/**
 * A stored value that does not open: modified in the database, copied from another row or column, or sealed under a
 * key this service lacks. The API never moves a sealed value, so only someone writing to the database directly (or a
 * key missing after a rotation) can cause it: a 500 with a type of its own, and one log line that names the row,
 * column and reason (the cipher's message holds no personal data), no stack trace.
 */
public class StoredDataUnreadableMapper {

    @ServerExceptionMapper
    public Response unreadable(DataCipherException e, UriInfo uri) {
        Log.errorf("stored personal data does not open (%s) on %s: %s", e.reason(), uri.getPath(), e.getMessage());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", DomainException.TYPE_PREFIX + "stored-data-unreadable");
        body.put("title", "Stored data unreadable");
        body.put("status", 500);
        body.put("detail", "personal data stored for this request cannot be read; it has been logged");
        body.put("instance", uri.getPath());
        return Response.status(500)
                .type(ProblemMappers.PROBLEM_JSON)
                .entity(body)
                .build();
    }
}
