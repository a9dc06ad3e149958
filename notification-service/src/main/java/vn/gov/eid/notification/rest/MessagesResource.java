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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
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
@Tag(
        name = "Messages",
        description = "The fate of every SMS (phone masked, never the text), counts by state, and operators' audited"
                + " retry. Operators only.")
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
    @Operation(
            operationId = "listMessages",
            summary = "SMS of a citizen (or all), newest first, filtered by state and creation time",
            description = "personalIdNumber is personal data; phoneMasked shows only the country code and the last"
                    + " three digits. Times are RFC 3339 instants in UTC.")
    @APIResponse(
            responseCode = "200",
            description = "The messages (an empty list when none match)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = MessageView.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.MESSAGES)))
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
            operationId = "retryMessage",
            summary = "Send a FAILED message again (audited)",
            description = "Allowed while the FAILED message still has its ciphertext (eid.sms.failed-retention). "
                    + "After SUBMIT_OUTCOME_UNKNOWN or SUBMIT_INTERRUPTED the citizen may already have the SMS: "
                    + "confirmDuplicateRisk must be true. 409 secret-erased: issue a credential reset at "
                    + "identity-service instead.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted: the message is queued again",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = RetryView.class),
                            examples = @ExampleObject(name = "202", value = OpenApiExamples.RETRIED)))
    @APIResponse(
            responseCode = "409",
            description = "The message is not FAILED, its secret was erased, or confirmDuplicateRisk is needed")
    public Response retry(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Valid
                    @NotNull
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples = @ExampleObject(name = "retry", value = OpenApiExamples.RETRY)))
                    RetryRequest body) {
        OperatorRetries.Retried retried =
                retries.retry(messageId(id), jwt.getName(), body.reason().trim(), body.confirmed());
        return Response.accepted(RetryView.of(retried)).build();
    }

    @GET
    @Path("/{id}/attempts")
    @Operation(
            operationId = "listMessageAttempts",
            summary = "Submit attempts of one message",
            description = "Each submit with the replica that made it and its outcome: SUBMITTED, NOT_ACCEPTED (not"
                    + " sent; retried), REFUSED (final), UNKNOWN or ABANDONED (the SMSC may have it: a later"
                    + " submit makes a possible duplicate), or none yet (under way).")
    @APIResponse(
            responseCode = "200",
            description = "The attempts, oldest first",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AttemptView.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.ATTEMPTS)))
    @APIResponse(responseCode = "404", description = "No message with this id")
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
    @Operation(operationId = "countMessagesByState", summary = "Number of messages in each state")
    @APIResponse(
            responseCode = "200",
            description = "Messages per state",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description =
                                                    "Number of messages per state (QUEUED, SENDING, SUBMITTED, DELIVERED, FAILED, EXPIRED)",
                                            additionalProperties = Long.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.COUNTS)))
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
