package vn.gov.eid.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.gov.eid.notification.domain.PersonalIdNumber;
import vn.gov.eid.notification.domain.Role;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.service.MessageQueries;
import vn.gov.eid.notification.service.OperatorRetries;

/**
 * Operator view of SMS delivery: the fate of each message (phone masked, no text), counts by state, and the
 * audited retry of a FAILED message.
 */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.OPERATOR)
public class MessagesResource {

    @Inject
    MessageQueries queries;

    @Inject
    OperatorRetries retries;

    @Inject
    JsonWebToken jwt;

    @GET
    @Operation(summary = "SMS of a citizen (or all), newest first, filtered by state and creation time")
    public List<MessageView> list(
            @QueryParam("personalIdNumber") @Pattern(regexp = PersonalIdNumber.PATTERN, message = "must be 12 digits")
                    String personalIdNumber,
            @QueryParam("state") SmsState state,
            @QueryParam("from") Instant from,
            @QueryParam("to") Instant to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return queries.find(personalIdNumber, state, from, to, limit).stream()
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
    public Response retry(@PathParam("id") UUID id, @Valid @NotNull RetryRequest body) {
        OperatorRetries.Retried retried =
                retries.retry(id, jwt.getName(), body.reason().trim(), body.confirmed());
        return Response.accepted(RetryView.of(retried)).build();
    }

    @GET
    @Path("/counts")
    @Operation(summary = "Number of messages in each state")
    public Map<SmsState, Long> counts() {
        return queries.countsByState();
    }
}
