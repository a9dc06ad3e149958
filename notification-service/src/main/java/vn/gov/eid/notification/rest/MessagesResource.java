package vn.gov.eid.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import vn.gov.eid.notification.domain.Role;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.service.MessageFilter;
import vn.gov.eid.notification.service.MessageQueries;
import vn.gov.eid.notification.service.OperatorRetries;
import vn.gov.eid.platform.error.DomainException;

/**
 * Operator view of SMS delivery: the fate of each message (phone masked, no text), counts by state, and the
 * audited retry of a FAILED message.
 */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OPERATOR)
public class MessagesResource {

    /** A UUID in its canonical form (36 characters). */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Inject
    MessageQueries queries;

    @Inject
    OperatorRetries retries;

    @Inject
    JsonWebToken jwt;

    @GET
    @Operation(summary = "SMS of a citizen (or all), newest first, filtered by state and creation time")
    public List<MessageView> list(
            @Parameter(description = "12 digits", schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{12}$"))
                    @QueryParam("personalIdNumber")
                    String personalIdNumber,
            @Parameter(schema = @Schema(implementation = SmsState.class)) @QueryParam("state") String state,
            @Parameter(
                            description = "created at or after; 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("from")
                    String from,
            @Parameter(
                            description = "created before; 1900-01-01T00:00:00Z to 9999-12-31T23:59:59Z",
                            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                    @QueryParam("to")
                    String to,
            @Parameter(
                            description = "at most this many (eid.sms.limits.list-size when absent, at most "
                                    + "eid.sms.limits.max-list-size)",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1"))
                    @QueryParam("limit")
                    String limit) {
        // Raw text, parsed by the query: a malformed value is a 400 naming its parameter, not JAX-RS's 404.
        return queries.find(new MessageFilter(personalIdNumber, state, from, to, limit)).stream()
                .map(MessageView::of)
                .toList();
    }

    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Send a FAILED message again (audited)",
            description = "Allowed while the FAILED message still has its ciphertext (eid.sms.failed-retention). "
                    + "After SUBMIT_OUTCOME_UNKNOWN or SUBMIT_INTERRUPTED the citizen may already have the SMS: "
                    + "confirmDuplicateRisk must be true. 409 secret-erased: issue a credential reset at "
                    + "identity-service instead.")
    public Response retry(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid @NotNull RetryRequest body) {
        OperatorRetries.Retried retried =
                retries.retry(messageId(id), jwt.getName(), body.reason().trim(), body.confirmed());
        return Response.accepted(RetryView.of(retried)).build();
    }

    @GET
    @Path("/{id}/attempts")
    @Operation(
            summary = "Submit attempts of one message",
            description = "Each submit with the replica that made it and its outcome: SUBMITTED, NOT_ACCEPTED (not"
                    + " sent; retried), REFUSED (final), UNKNOWN or ABANDONED (the SMSC may have it: a later"
                    + " submit makes a possible duplicate), or none yet (under way).")
    public List<AttemptView> attempts(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        UUID messageId = messageId(id);
        return queries
                .attempts(messageId)
                .orElseThrow(() -> DomainException.notFound(
                        "message-not-found", "Message not found", "no SMS with id " + messageId))
                .stream()
                .map(AttemptView::of)
                .toList();
    }

    @GET
    @Path("/counts")
    @Operation(summary = "Number of messages in each state")
    public Map<SmsState, Long> counts() {
        return queries.countsByState();
    }

    /**
     * The message id in the path. Only the canonical UUID form names a message (UUID.fromString would also take
     * "1-1-1-1-1"); anything else names none, the same 404 as an unknown id.
     */
    private static UUID messageId(String raw) {
        if (raw == null || !UUID_TEXT.matcher(raw).matches()) {
            throw DomainException.notFound(
                    "message-not-found", "Message not found", "the path holds no message id (a UUID)");
        }
        return UUID.fromString(raw);
    }
}
