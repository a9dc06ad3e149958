package vn.gov.eid.identity.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import vn.gov.eid.identity.service.SigningKeys;

/** Public key material for verifiers of identity-service's tokens. */
@Path("/.well-known")
@PermitAll
public class WellKnownResource {

    @Inject
    SigningKeys keys;

    @GET
    @Path("/jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jwks() {
        // Short caching: verifiers pick up a rotated key within minutes.
        return Response.ok(keys.jwkSet()).header("Cache-Control", "public, max-age=300").build();
    }
}
