package vn.gov.eid.identity.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.service.SigningKeys;
import vn.gov.eid.platform.openapi.JsonWebKeySet;

/** Public key material for verifiers of identity-service's tokens. */
@Path("/.well-known")
@PermitAll
@Tag(name = "Token verification", description = "Keys and metadata for verifying identity-service's access tokens")
public class WellKnownResource {

    @Inject
    SigningKeys keys;

    @Inject
    IdentityConfig config;

    @GET
    @Path("/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getTokenSigningKeys",
            summary = "Public keys of the access tokens (JWKS, RFC 7517)",
            description = "The RSA keys that verify the tokens' RS256 signatures, found by the token header's kid;"
                    + " during a rotation the previous key is listed too. Cache for at most 5 minutes.")
    @APIResponse(
            responseCode = "200",
            description = "The key set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JsonWebKeySet.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.JWKS)))
    public Response jwks() {
        // Short caching: verifiers pick up a rotated key within minutes.
        return Response.ok(keys.jwkSet())
                .header("Cache-Control", "public, max-age=300")
                .build();
    }

    /** OpenID Provider metadata (OpenID Connect Discovery 1.0) for the parts this issuer supports. */
    @GET
    @Path("/openid-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getOpenIdConfiguration",
            summary = "Issuer metadata (OpenID Connect Discovery 1.0)",
            description = "The issuer (the iss of every token), the JWKS and token endpoint addresses and the"
                    + " supported grants and algorithms.")
    @APIResponse(
            responseCode = "200",
            description = "The metadata",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description = "OpenID Provider Metadata (OpenID Connect Discovery 1.0)",
                                            properties = {
                                                @SchemaProperty(
                                                        name = "issuer",
                                                        type = SchemaType.STRING,
                                                        description = "The iss of every token"),
                                                @SchemaProperty(
                                                        name = "jwks_uri",
                                                        type = SchemaType.STRING,
                                                        format = "uri"),
                                                @SchemaProperty(
                                                        name = "token_endpoint",
                                                        type = SchemaType.STRING,
                                                        format = "uri")
                                            },
                                            additionalProperties = Schema.True.class),
                            examples = @ExampleObject(name = "200", value = OpenApiExamples.OPENID_CONFIGURATION)))
    public Map<String, Object> openidConfiguration(@Context UriInfo uri) {
        String base = uri.getBaseUri().toString().replaceAll("/$", "");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", config.issuer());
        doc.put("jwks_uri", base + "/.well-known/jwks.json");
        doc.put("token_endpoint", base + "/api/v1/auth/token");
        doc.put("grant_types_supported", List.of("password", "client_credentials"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post"));
        doc.put("response_types_supported", List.of("token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("claims_supported", List.of("iss", "sub", "upn", "groups", "exp", "iat", "jti"));
        return doc;
    }
}
