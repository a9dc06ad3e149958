package vn.gov.eid.identity.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import vn.gov.eid.identity.domain.Role;
import vn.gov.eid.identity.service.AuthService;
import vn.gov.eid.identity.service.PasswordChangeService;
import vn.gov.eid.identity.service.TokenService.IssuedToken;
import vn.gov.eid.platform.error.DomainException;

/** The token endpoint (OAuth2-style password and client_credentials grants) and the password change. */
@Path("/api/v1/auth")
public class AuthResource {

    @Inject
    AuthService auth;

    @Inject
    PasswordChangeService passwords;

    @Inject
    JsonWebToken jwt;

    /** Body of a password change. */
    public record PasswordChange(
            @NotNull @NotBlank String currentPassword,
            @NotNull @NotBlank String newPassword) {}

    @POST
    @Path("/token")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @FormParam("grant_type") String grantType,
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        IssuedToken issued;
        if ("password".equals(grantType)) {
            issued = auth.passwordGrant(username, password);
        } else if ("client_credentials".equals(grantType)) {
            issued = auth.clientCredentialsGrant(clientId, clientSecret);
        } else {
            throw DomainException.invalid(
                    "unsupported-grant-type",
                    "Unsupported grant type",
                    "grant_type must be password or client_credentials");
        }
        // Tokens must not be kept by caches between the caller and us (RFC 6749 section 5.1).
        return Response.ok(TokenResponse.of(issued))
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/password")
    @RolesAllowed({Role.PASSWORD_CHANGE, Role.CITIZEN})
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@Valid @NotNull PasswordChange body) {
        passwords.changePassword(jwt.getName(), body.currentPassword(), body.newPassword());
        return Response.noContent().build();
    }
}
