package vn.gov.eid.platform.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a published key set (RFC 7517), for the OpenAPI documents of the endpoints that answer one; those
 * build the JSON with jose4j, not with this record.
 */
@Schema(name = "JsonWebKeySet", description = "A JSON Web Key Set (RFC 7517) of public keys")
public record JsonWebKeySet(@Schema(required = true) List<Key> keys) {

    /** One public key; which members it has depends on its type. */
    @Schema(name = "JsonWebKey", description = "A public JSON Web Key: RSA (n, e) or OKP Ed25519 (crv, x)")
    public record Key(
            @Schema(
                    required = true,
                    description = "Key type: RSA or OKP",
                    enumeration = {"RSA", "OKP"})
            String kty,

            @Schema(required = true, description = "Key id: the token header's kid, or the DSSE signature's keyid")
            String kid,

            @Schema(description = "Always sig") String use,
            @Schema(description = "Algorithm, e.g. RS256") String alg,

            @Schema(description = "Curve of an OKP key: Ed25519")
            String crv,

            @Schema(description = "RSA modulus, base64url") String n,

            @Schema(description = "RSA public exponent, base64url")
            String e,

            @Schema(description = "OKP public key, base64url")
            String x) {}
}
