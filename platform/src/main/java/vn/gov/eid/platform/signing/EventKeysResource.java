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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import vn.gov.eid.platform.openapi.JsonWebKeySet;

/**
 * Publishes the public keys this service signs its event records with, as a JWKS (RFC 7517; Ed25519 keys as OKP,
 * RFC 8037), so partners and other consumers can verify records; the {@code kid} is the DSSE {@code keyid}.
 */
@Path("/.well-known/event-keys.json")
@PermitAll
@Tag(
        name = "Event signatures",
        description = "Public keys that verify the DSSE signatures of the Kafka records this service publishes")
public class EventKeysResource {

    static final String EXAMPLE = """
            {"keys":[{"kty":"OKP","crv":"Ed25519","kid":"3f9a1c0b7e2d4a65","use":"sig",
                      "x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]}
            """;

    @Inject
    EventSigning signing;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getEventSigningKeys",
            summary = "Public keys of the event signatures (JWKS, RFC 7517; Ed25519 as OKP, RFC 8037)",
            description = "The kid is the DSSE keyid of a record's signature; during a rotation the previous keys are"
                    + " listed too. Cache for at most 5 minutes.")
    @APIResponse(
            responseCode = "200",
            description = "The key set",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = JsonWebKeySet.class),
                            examples = @ExampleObject(name = "200", value = EXAMPLE)))
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
