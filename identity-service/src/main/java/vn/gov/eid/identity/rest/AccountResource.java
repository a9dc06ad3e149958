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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.eid.identity.domain.PersonalIdNumber;
import vn.gov.eid.identity.domain.Role;
import vn.gov.eid.identity.service.AccountQueries;
import vn.gov.eid.identity.service.OperatorActions;

/** Account look-ups for operators and partner systems, and the operators' audited account actions. */
@Path("/api/v1/accounts/{personalIdNumber}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Accounts",
        description = "Citizens' e-ID accounts: look-ups for operators and partner systems, and operators' audited"
                + " lock, unlock and credential reset")
public class AccountResource {

    private static final String PID = PersonalIdNumber.REGEX;
    private static final String PID_MESSAGE = PersonalIdNumber.MESSAGE;
    private static final String PID_DOC =
            "The citizen's 12-digit personal ID number (CCCD number; personal data: it travels in the path, so keep it"
                    + " out of your access logs)";

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
    @Operation(
            operationId = "getAccount",
            summary = "Read a citizen's account",
            description = "Status and level of the account; never the password hash, phone or e-mail. Operators and"
                    + " partner systems.")
    @APIResponse(
            responseCode = "200",
            description = "The account",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountView.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.ACCOUNT)))
    @APIResponse(responseCode = "404", description = "No account for this personal ID number")
    public AccountView get(
            @Parameter(description = PID_DOC)
                    @PathParam("personalIdNumber")
                    @Pattern(regexp = PID, message = PID_MESSAGE)
                    String personalIdNumber) {
        return AccountView.of(queries.get(personalIdNumber));
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Role.OPERATOR)
    @Operation(
            operationId = "listAccountAudit",
            summary = "Audit trail of an account",
            description = "Every change of the account, oldest first: what, who (an operator, the citizen, or the"
                    + " dossier that caused it), why and when. Operators only.")
    @APIResponse(
            responseCode = "200",
            description = "The audit trail (an empty list when the account has none)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = AuditView.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.AUDIT)))
    public List<AuditView> audit(
            @Parameter(description = PID_DOC)
                    @PathParam("personalIdNumber")
                    @Pattern(regexp = PID, message = PID_MESSAGE)
                    String personalIdNumber) {
        return queries.audit(personalIdNumber).stream().map(AuditView::of).toList();
    }

    @POST
    @Path("/lock")
    @RolesAllowed(Role.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "lockAccount",
            summary = "Lock an account (audited)",
            description = "Nobody logs in to a locked account until an operator unlocks it. Operators only.")
    @APIResponse(
            responseCode = "200",
            description = "The account, now LOCKED",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountView.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.LOCKED_ACCOUNT)))
    @APIResponse(responseCode = "409", description = "The account is already locked")
    public AccountView lock(
            @Parameter(description = PID_DOC)
                    @PathParam("personalIdNumber")
                    @Pattern(regexp = PID, message = PID_MESSAGE)
                    String personalIdNumber,
            @Valid
                    @NotNull
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "action",
                                                            value = OpenApiExamples.OPERATOR_ACTION)))
                    OperatorAction action) {
        return AccountView.of(actions.lock(personalIdNumber, jwt.getName(), action.reason()));
    }

    @POST
    @Path("/unlock")
    @RolesAllowed(Role.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "unlockAccount",
            summary = "Unlock an account (audited)",
            description = "The account returns to the status it had before the lock. Operators only.")
    @APIResponse(
            responseCode = "200",
            description = "The account, unlocked",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AccountView.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.ACCOUNT)))
    @APIResponse(responseCode = "409", description = "The account is not locked")
    public AccountView unlock(
            @Parameter(description = PID_DOC)
                    @PathParam("personalIdNumber")
                    @Pattern(regexp = PID, message = PID_MESSAGE)
                    String personalIdNumber,
            @Valid
                    @NotNull
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "action",
                                                            value = OpenApiExamples.OPERATOR_ACTION)))
                    OperatorAction action) {
        return AccountView.of(actions.unlock(personalIdNumber, jwt.getName(), action.reason()));
    }

    @POST
    @Path("/credential-resets")
    @RolesAllowed(Role.OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "resetAccountCredential",
            summary = "Send the citizen a new temporary password (audited)",
            description = "A new temporary password replaces the current one and goes to the citizen's phone by SMS"
                    + " (notification-service); the answer names the SMS request, never the password. Operators"
                    + " only.")
    @APIResponse(
            responseCode = "202",
            description =
                    "Accepted: the SMS is on its way; smsRequestId is the requestId of the message at notification-service",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            requiredProperties = "smsRequestId",
                                            properties =
                                                    @SchemaProperty(
                                                            name = "smsRequestId",
                                                            type = SchemaType.STRING,
                                                            format = "uuid",
                                                            description =
                                                                    "requestId of the SMS at notification-service")),
                            examples = @ExampleObject(name = "202", value = OpenApiExamples.CREDENTIAL_RESET)))
    public Response resetCredential(
            @Parameter(description = PID_DOC)
                    @PathParam("personalIdNumber")
                    @Pattern(regexp = PID, message = PID_MESSAGE)
                    String personalIdNumber,
            @Valid
                    @NotNull
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "action",
                                                            value = OpenApiExamples.OPERATOR_ACTION)))
                    OperatorAction action) {
        String requestId = actions.resetCredential(personalIdNumber, jwt.getName(), action.reason());
        // Accepted: the SMS with the new temporary password is on its way through notification-service.
        return Response.accepted(Map.of("smsRequestId", requestId)).build();
    }
}
