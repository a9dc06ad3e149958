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
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.service.SigningKeys;

/** Public key material for verifiers of identity-service's tokens. */
@Path("/.well-known")
@PermitAll
public class WellKnownResource {

    @Inject
    SigningKeys keys;

    @Inject
    IdentityConfig config;

    @GET
    @Path("/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
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
