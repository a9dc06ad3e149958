package vn.gov.eid.identity.rest;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.gov.eid.identity.domain.PersonalIdNumber;
import vn.gov.eid.identity.domain.Role;
import vn.gov.eid.identity.service.AccountQueries;
import vn.gov.eid.identity.service.OperatorActions;

/** Account look-ups for operators and partner systems, and the operators' audited account actions. */
@Path("/api/v1/accounts/{personalIdNumber}")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private static final String PID = PersonalIdNumber.REGEX;
    private static final String PID_MESSAGE = PersonalIdNumber.MESSAGE;

    @Inject
    AccountQueries queries;

    @Inject
    OperatorActions actions;

    @Inject
    JsonWebToken jwt;

    /** Why an operator acts; kept in the audit trail. */
    public record OperatorAction(@NotBlank @Size(max = 500) String reason) {}

    @GET
    @RolesAllowed({Role.OPERATOR, Role.PARTNER})
    public AccountView get(
            @PathParam("personalIdNumber") @Pattern(regexp = PID, message = PID_MESSAGE) String personalIdNumber) {
        return AccountView.of(queries.get(personalIdNumber));
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Role.OPERATOR)
    public List<AuditView> audit(
            @PathParam("personalIdNumber") @Pattern(regexp = PID, message = PID_MESSAGE) String personalIdNumber) {
        return queries.audit(personalIdNumber).stream().map(AuditView::of).toList();
    }

    @POST
    @Path("/lock")
    @RolesAllowed(Role.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView lock(
            @PathParam("personalIdNumber") @Pattern(regexp = PID, message = PID_MESSAGE) String personalIdNumber,
            @Valid @NotNull OperatorAction action) {
        return AccountView.of(actions.lock(personalIdNumber, jwt.getName(), action.reason()));
    }

    @POST
    @Path("/unlock")
    @RolesAllowed(Role.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountView unlock(
            @PathParam("personalIdNumber") @Pattern(regexp = PID, message = PID_MESSAGE) String personalIdNumber,
            @Valid @NotNull OperatorAction action) {
        return AccountView.of(actions.unlock(personalIdNumber, jwt.getName(), action.reason()));
    }

    @POST
    @Path("/credential-resets")
    @RolesAllowed(Role.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response resetCredential(
            @PathParam("personalIdNumber") @Pattern(regexp = PID, message = PID_MESSAGE) String personalIdNumber,
            @Valid @NotNull OperatorAction action) {
        String requestId = actions.resetCredential(personalIdNumber, jwt.getName(), action.reason());
        // Accepted: the SMS with the new temporary password is on its way through notification-service.
        return Response.accepted(Map.of("smsRequestId", requestId)).build();
    }
}
