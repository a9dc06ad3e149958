package vn.gov.eid.notification.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.service.MessageQueries;

/**
 * Operator view of SMS delivery: the fate of each message (phone masked, no text) and counts by state.
 */
@Path("/api/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class MessagesResource {

    @Inject
    MessageQueries queries;

    @GET
    @Operation(summary = "SMS of a citizen (or all), newest first, filtered by state and creation time")
    public List<MessageView> list(
            @QueryParam("personalIdNumber") @Pattern(regexp = "\\d{12}", message = "must be 12 digits") String personalIdNumber,
            @QueryParam("state") SmsState state,
            @QueryParam("from") Instant from,
            @QueryParam("to") Instant to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return queries.find(personalIdNumber, state, from, to, limit).stream().map(MessageView::of).toList();
    }

    @GET
    @Path("/counts")
    @Operation(summary = "Number of messages in each state")
    public Map<SmsState, Long> counts() {
        return queries.countsByState();
    }
}
