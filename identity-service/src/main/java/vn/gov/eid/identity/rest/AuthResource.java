package vn.gov.eid.identity.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.eid.identity.domain.Role;
import vn.gov.eid.identity.service.AuthService;
import vn.gov.eid.identity.service.LoginRefused;
import vn.gov.eid.identity.service.LoginThrottle;
import vn.gov.eid.identity.service.PasswordChangeService;
import vn.gov.eid.identity.service.RefreshRefused;
import vn.gov.eid.identity.service.TokenService.IssuedToken;
import vn.gov.eid.platform.error.DomainException;

/**
 * The token endpoint (OAuth2-style password, client_credentials and refresh_token grants) and the password change
 * (citizens and staff).
 */
@Path("/api/v1/auth")
@Tag(
        name = "Authentication",
        description = "Access tokens for staff, citizens and partner systems, and the password change")
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    PasswordChangeService passwords;

    @Inject
    JsonWebToken jwt;

    @Inject
    ClientAddresses addresses;

    @Inject
    LoginThrottle throttle;

    /** Body of a password change. */
    public record PasswordChange(
            @NotNull @NotBlank @Size(max = 128) String currentPassword,
            @NotNull @NotBlank @Size(max = 128) String newPassword) {}

    @POST
    @Path("/token")
    @PermitAll
    @Operation(
            operationId = "issueToken",
            summary = "Issue an access token",
            description = "OAuth 2.0-style token endpoint (RFC 6749): grant_type=password (username and password;"
                    + " citizens use their 12-digit personal ID number) or grant_type=client_credentials (client_id"
                    + " and client_secret of a partner system). Errors are problem+json, not RFC 6749 error objects."
                    + " Failed logins are limited per client address (429 with Retry-After); repeated failures lock"
                    + " staff users and clients for a while (423). The response carries Cache-Control: no-store.")
    @APIResponse(
            responseCode = "200",
            description =
                    "The token; expires_in is in seconds. password_change_required: the token only allows POST /api/v1/auth/password",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = TokenResponse.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.TOKEN)))
    @APIResponse(
            responseCode = "400",
            description = "grant_type missing or unsupported, or a credential missing or malformed")
    @APIResponse(
            responseCode = "401",
            description = "Wrong username or password (or client id or secret)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples =
                                    @ExampleObject(name = "401", value = OpenApiExamples.INVALID_CREDENTIALS_PROBLEM)))
    @APIResponse(
            responseCode = "423",
            description = "The user or client is locked after repeated failures; Retry-After says for how long")
    @APIResponse(
            responseCode = "429",
            description = "Too many failed logins from this address; Retry-After says when to come back",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            examples = @ExampleObject(name = "429", value = OpenApiExamples.TOO_MANY_PROBLEM)))
    @APIResponse(
            responseCode = "503",
            description = "All password-hash slots are busy; retry after the Retry-After delay")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            examples = {
                                @ExampleObject(name = "password", value = OpenApiExamples.TOKEN_PASSWORD_GRANT),
                                @ExampleObject(
                                        name = "client_credentials",
                                        value = OpenApiExamples.TOKEN_CLIENT_CREDENTIALS_GRANT)
                            }))
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @Context HttpServerRequest request,
            @FormParam("grant_type") String grantType,
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @FormParam("refresh_token") String refreshToken) {
        // Limits are applied here, on the matched route, so every spelling of the path is counted alike.
        String address = addresses.of(request);
        throttle.admit(address);
        IssuedToken issued;
        try {
            if ("password".equals(grantType)) {
                issued = auth.passwordGrant(username, password);
            } else if ("client_credentials".equals(grantType)) {
                issued = auth.clientCredentialsGrant(clientId, clientSecret);
            } else if ("refresh_token".equals(grantType)) {
                issued = auth.refreshGrant(refreshToken);
            } else {
                throw DomainException.invalid(
                        "unsupported-grant-type",
                        "Unsupported grant type",
                        "grant_type must be password, client_credentials or refresh_token");
            }
        } catch (LoginRefused | RefreshRefused refused) {
            // wrong credentials, or a locked account: each cost a hash; bad requests cost nothing and are not counted
            throttle.failed(address);
            throw refused;
        }
        // Tokens must not be kept by caches between the caller and us (RFC 6749 section 5.1).
        return Response.ok(TokenResponse.of(issued))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/password")
    @RolesAllowed({Role.PASSWORD_CHANGE, Role.CITIZEN, Role.OFFICER, Role.SUPERVISOR, Role.OPERATOR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changePassword",
            summary = "Change one's own password",
            description = "For citizens (also with the restricted token of a first login) and staff. The new password"
                    + " must differ from the current one and meet the password rules (violations name the rule).")
    @APIResponse(responseCode = "204", description = "Changed; the old password no longer logs in")
    @APIResponse(responseCode = "401", description = "No valid token, or the current password is wrong")
    public Response changePassword(
            @Valid
                    @NotNull
                    @RequestBody(
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(
                                                            name = "change",
                                                            value = OpenApiExamples.PASSWORD_CHANGE)))
                    PasswordChange body) {
        if (jwt.getGroups().contains(Role.CITIZEN) || jwt.getGroups().contains(Role.PASSWORD_CHANGE)) {
            passwords.changePassword(jwt.getName(), body.currentPassword(), body.newPassword());
        } else {
            passwords.changeStaffPassword(jwt.getName(), body.currentPassword(), body.newPassword());
        }
        return Response.noContent().build();
    }
}
