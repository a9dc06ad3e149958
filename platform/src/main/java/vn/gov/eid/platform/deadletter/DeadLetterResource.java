package vn.gov.eid.platform.deadletter;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/**
 * Operators list the service's dead letters and re-drive one. Present only in a service that sets the build property
 * {@code eid.dead-letters.endpoint=true} (one with a consumer): Quarkus REST leaves a resource whose build condition
 * fails out of the application and its OpenAPI document.
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "eid.dead-letters.endpoint", stringValue = "true")
public class DeadLetterResource {

    /** The JWT group of operators (each consuming service's Role.OPERATOR). */
    static final String OPERATOR = "operator";

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /**
     * Letters, marks, numbers, punctuation, symbols and spaces, plus tab and line breaks: no NUL (PostgreSQL text
     * refuses it), no lone surrogate, no other control or bidi-override character in an audit row.
     */
    static final String TEXT = "[\\t\\n\\r[^\\p{C}]]*";

    @Inject
    DeadLetters deadLetters;

    @Inject
    JsonWebToken jwt;

    /** Why an operator re-drives a record; kept in the audit trail. */
    public record RedriveRequest(
            @NotBlank
            @Size(max = 500)
            @Pattern(
                    regexp = TEXT,
                    message = "must be text: no control, format, private-use or unassigned characters"
                            + " (tabs and line breaks allowed)")
            String reason) {}

    @GET
    @RolesAllowed(OPERATOR)
    public List<DeadLetter> list(@QueryParam("limit") String limit) {
        return deadLetters.latest(limit(limit));
    }

    @POST
    @Path("/{partition: [0-9]{1,9}}/{offset: [0-9]{1,18}}/redrive")
    @RolesAllowed(OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public DeadLetter redrive(
            @PathParam("partition") int partition,
            @PathParam("offset") long offset,
            @Valid @NotNull RedriveRequest request) {
        return deadLetters.redrive(partition, offset, jwt.getName(), request.reason());
    }

    /** The limit parsed as text, so that a wrong one is a 400 naming the parameter (a typed int would be a 404). */
    static int limit(String raw) {
        if (raw == null || raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        if (raw.matches("[0-9]{1,4}")) {
            int n = Integer.parseInt(raw);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        }
        throw DomainException.violations(
                List.of(new Violation("limit", "must be a whole number from 1 to " + MAX_LIMIT)));
    }
}
