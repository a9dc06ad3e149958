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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(
        name = "Dead letters",
        description = "Records the service's consumer could never process: listed without their payload, re-driven"
                + " by an operator")
public class DeadLetterResource {

    static final String LIST_EXAMPLE = """
            [{"partition":1,"offset":42,"timestamp":"2026-11-29T08:00:00Z",
              "reason":"untrusted record: UNSIGNED","eventId":"4f1c2a0e-9d8b-4c7a-b6e5-0a1b2c3d4e5f",
              "eventType":"vn.gov.eid.dossier.completed.v1","redriven":false}]
            """;

    static final String REDRIVE_EXAMPLE = """
            {"reason":"dossier-service key rotated; the consumer now trusts the new key (ticket 4712)"}
            """;

    static final String REDRIVEN_EXAMPLE = """
            {"partition":1,"offset":42,"timestamp":"2026-11-29T08:00:00Z",
             "reason":"untrusted record: UNSIGNED","eventId":"4f1c2a0e-9d8b-4c7a-b6e5-0a1b2c3d4e5f",
             "eventType":"vn.gov.eid.dossier.completed.v1","redriven":true,
             "lastRedrive":{"outcome":"HANDLED","operator":"operator1",
                            "reason":"dossier-service key rotated; the consumer now trusts the new key (ticket 4712)",
                            "at":"2026-11-29T09:30:00Z"}}
            """;

    /** The JWT group of operators (each consuming service's Role.OPERATOR). */
    static final String OPERATOR = "operator";

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    /**
     * Letters, marks, numbers, punctuation, symbols and spaces, plus tab and line breaks: no NUL (PostgreSQL text
     * refuses it), no lone surrogate, no other control or bidi-override character in an audit row.
     * Written so that it means the same in Java and in ECMA-262, the regex dialect of the OpenAPI document that
     * shows it to clients.
     */
    static final String TEXT = "^[\\t\\n\\r\\P{C}]*$";

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
    @Operation(
            operationId = "listDeadLetters",
            summary = "The latest dead letters",
            description = "Newest first, without payload or key (they hold personal data). Operators only.")
    @APIResponse(
            responseCode = "200",
            description = "The dead letters (an empty list when there are none)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = DeadLetter.class),
                            examples = @ExampleObject(name = "200", value = LIST_EXAMPLE)))
    public List<DeadLetter> list(
            @Parameter(description = "At most this many, 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")")
                    @QueryParam("limit")
                    String limit) {
        return deadLetters.latest(limit(limit));
    }

    @POST
    @Path("/{partition: [0-9]{1,9}}/{offset: [0-9]{1,18}}/redrive")
    @RolesAllowed(OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "redriveDeadLetter",
            summary = "Run one dead letter through the consumer again (audited)",
            description = "Once: 409 when it was already processed, 422 when it fails again (the reason is in the"
                    + " answer's problem). It is applied after the records that came behind it on its partition."
                    + " Operators only.")
    @APIResponse(
            responseCode = "200",
            description = "What the re-drive did",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeadLetter.class),
                            examples = @ExampleObject(name = "200", value = REDRIVEN_EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The record was already processed")
    @APIResponse(responseCode = "422", description = "The record failed again")
    @APIResponse(responseCode = "503", description = "A transient failure outlasted the re-drive's retries")
    public DeadLetter redrive(
            @PathParam("partition") int partition,
            @PathParam("offset") long offset,
            @Valid
                    @NotNull
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "redrive", value = REDRIVE_EXAMPLE)))
                    RedriveRequest request) {
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
