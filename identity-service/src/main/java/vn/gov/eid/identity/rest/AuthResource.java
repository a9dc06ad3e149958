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
import vn.gov.eid.identity.domain.Role;
import vn.gov.eid.identity.service.AuthService;
import vn.gov.eid.identity.service.LoginRefused;
import vn.gov.eid.identity.service.LoginThrottle;
import vn.gov.eid.identity.service.PasswordChangeService;
import vn.gov.eid.identity.service.TokenService.IssuedToken;
import vn.gov.eid.platform.error.DomainException;

/** The token endpoint (OAuth2-style password and client_credentials grants) and the password change (citizens and staff). */
@Path("/api/v1/auth")
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
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(
            @Context HttpServerRequest request,
            @FormParam("grant_type") String grantType,
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        // Limits are applied here, on the matched route, so every spelling of the path is counted alike.
        String address = addresses.of(request);
        throttle.admit(address);
        IssuedToken issued;
        try {
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
        } catch (LoginRefused refused) {
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
    public Response changePassword(@Valid @NotNull PasswordChange body) {
        if (jwt.getGroups().contains(Role.CITIZEN) || jwt.getGroups().contains(Role.PASSWORD_CHANGE)) {
            passwords.changePassword(jwt.getName(), body.currentPassword(), body.newPassword());
        } else {
            passwords.changeStaffPassword(jwt.getName(), body.currentPassword(), body.newPassword());
        }
        return Response.noContent().build();
    }
}
