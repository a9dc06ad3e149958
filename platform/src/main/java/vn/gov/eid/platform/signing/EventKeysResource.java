package vn.gov.eid.platform.signing;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * Publishes the public keys this service signs its event records with, as a JWKS (RFC 7517; Ed25519 keys as OKP,
 * RFC 8037), so partners and other consumers can verify records; the {@code kid} is the DSSE {@code keyid}.
 */
@Path("/.well-known/event-keys.json")
@PermitAll
public class EventKeysResource {

    @Inject
    EventSigning signing;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response keys() {
        List<Map<String, Object>> jwks = new ArrayList<>();
        for (PublicKey key : signing.publishedKeys()) {
            try {
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(key);
                jwk.setKeyId(EventKeys.keyId(key));
                jwk.setUse("sig");
                jwks.add(jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
            } catch (JoseException e) {
                throw new IllegalStateException("cannot publish event key " + EventKeys.keyId(key), e);
            }
        }
        return Response.ok(Map.of("keys", jwks))
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
