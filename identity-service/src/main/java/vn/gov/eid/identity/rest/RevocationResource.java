package vn.gov.eid.identity.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.eid.identity.service.LoginThrottle;
import vn.gov.eid.identity.service.Sessions;

/**
 * Token revocation (RFC 7009): a client ends its session by presenting its refresh token. Like the token endpoint's
 * password grant, it takes no client authentication (the apps are public clients): holding the token is the proof.
 */
@Path("/api/v1/auth/revoke")
@Tag(
        name = "Authentication",
        description = "Access tokens for staff, citizens and partner systems, and the password change")
@PermitAll
public class RevocationResource {

    @Inject
    Sessions sessions;

    @Inject
    ClientAddresses addresses;

    @Inject
    LoginThrottle throttle;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @jakarta.ws.rs.Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "revokeToken",
            summary = "Revoke a refresh token",
            description = "Ends the session the refresh token belongs to (every token of its family). Access tokens"
                    + " are not revocable: they expire within their lifetime. token_type_hint is accepted and not"
                    + " needed.")
    @APIResponse(
            responseCode = "200",
            description = "Revoked, or nothing to revoke (an unknown or invalid token); the body is an empty object",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.OBJECT),
                            examples = @ExampleObject(name = "200", value = "{}")))
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            examples =
                                    @ExampleObject(
                                            name = "revoke",
                                            value =
                                                    "{\"token\":\"Qm9ZcGZ0a2VuZXhhbXBsZQ\",\"token_type_hint\":\"refresh_token\"}")))
    @APIResponse(responseCode = "400", description = "No token parameter")
    @APIResponse(responseCode = "429", description = "Too many requests")
    public Response revoke(
            @Context HttpServerRequest request,
            @FormParam("token") String token,
            @FormParam("token_type_hint") String tokenTypeHint) {
        throttle.admitRequest("revoke", addresses.of(request));
        if (token == null || token.isBlank()) {
            throw vn.gov.eid.platform.error.DomainException.invalid(
                            "invalid-request", "Invalid request", "token is required")
                    .with("error", "invalid_request");
        }
        sessions.revoke(token);
        return Response.ok(java.util.Map.of())
                .header("Cache-Control", "no-store")
                .build();
    }
}
