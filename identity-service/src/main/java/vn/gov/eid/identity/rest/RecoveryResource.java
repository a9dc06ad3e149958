package vn.gov.eid.identity.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.eid.identity.domain.PersonalIdNumber;
import vn.gov.eid.identity.service.LoginRefused;
import vn.gov.eid.identity.service.LoginThrottle;
import vn.gov.eid.identity.service.RecoveryCodes;
import vn.gov.eid.identity.service.RecoveryRefused;
import vn.gov.eid.identity.service.RecoveryRequests;
import vn.gov.eid.platform.phone.PhoneNumbers;
import vn.gov.eid.platform.phone.VietnameseMobile;

/**
 * Activation and recovery by SMS code (docs/adr/0006): the citizen asks for a code with ID number and phone number,
 * then sets a password with it. Both answers go through the token endpoint's address and global limits.
 */
@Path("/api/v1/auth/recovery")
@Tag(
        name = "Authentication",
        description = "Access tokens for staff, citizens and partner systems, and the password change")
@PermitAll
public class RecoveryResource {

    @Inject
    RecoveryRequests requests;

    @Inject
    RecoveryCodes codes;

    @Inject
    ClientAddresses addresses;

    @Inject
    LoginThrottle throttle;

    /** Body of a code request. */
    public record CodeRequest(
            @NotNull @Pattern(regexp = PersonalIdNumber.REGEX, message = PersonalIdNumber.MESSAGE)
            String personalIdNumber,

            @Schema(
                    description = "The account's Vietnamese mobile number, +84... or 0... (spaces and dashes"
                            + " allowed); personal data",
                    examples = "+84912345678")
            @NotNull
            @VietnameseMobile
            String phoneNumber) {}

    /** Body of the 202: always the same. */
    public record Accepted(String status) {}

    /** Body of a code confirmation. */
    public record CodeConfirmation(
            @NotNull @Pattern(regexp = PersonalIdNumber.REGEX, message = PersonalIdNumber.MESSAGE)
            String personalIdNumber,

            @NotNull @Pattern(regexp = "\\d{6}", message = "must be the 6 digits of the SMS")
            String code,

            @NotNull @Size(max = 128) String newPassword) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "requestRecoveryCode",
            summary = "Request an activation or recovery code",
            description = "When the ID number and phone number match an account, a 6-digit code goes by SMS to that"
                    + " number (valid 5 minutes, 5 tries; at most 3 codes per hour per account and per number)."
                    + " The answer is the same whether or not they match.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted (whether or not the pair matches an account)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Accepted.class),
                            examples = @ExampleObject(name = "202", value = "{\"status\":\"ACCEPTED\"}")))
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "request",
                                            value = "{\"personalIdNumber\":\"001203012345\","
                                                    + "\"phoneNumber\":\"+84912345678\"}")))
    @APIResponse(responseCode = "400", description = "Malformed ID number or phone number")
    @APIResponse(responseCode = "429", description = "Too many requests from this address or to the service")
    @APIResponse(responseCode = "503", description = "Too many code requests waiting")
    public Response request(@Context HttpServerRequest http, @Valid @NotNull CodeRequest body) {
        throttle.admitRequest("recovery", addresses.of(http));
        // the form dossier-service stores (libphonenumber's E.164), so any way of writing the number matches
        requests.submit(
                body.personalIdNumber(),
                PhoneNumbers.toVietnameseMobileE164(body.phoneNumber()).orElseThrow());
        return Response.accepted(new Accepted("ACCEPTED")).build();
    }

    @POST
    @Path("/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "confirmRecoveryCode",
            summary = "Set a password with a code",
            description = "Sets the new password (password policy applies), activates a pending account, and kills"
                    + " the temporary password and the code.")
    @APIResponse(responseCode = "204", description = "Password set; the account is ACTIVE")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples =
                                    @ExampleObject(
                                            name = "confirm",
                                            value = "{\"personalIdNumber\":\"001203012345\",\"code\":\"042917\","
                                                    + "\"newPassword\":\"An_2026again\"}")))
    @APIResponse(
            responseCode = "400",
            description = "Wrong or no longer valid code (not said which; counts as a failed login), or a new"
                    + " password that breaks the policy")
    @APIResponse(responseCode = "429", description = "Too many failed attempts from this address")
    public Response confirm(@Context HttpServerRequest http, @Valid @NotNull CodeConfirmation body) {
        String address = addresses.of(http);
        throttle.admit(address);
        try {
            codes.confirm(body.personalIdNumber(), body.code(), body.newPassword());
        } catch (RecoveryRefused | LoginRefused refused) {
            throttle.failed(address);
            throw refused;
        }
        return Response.noContent().build();
    }
}
