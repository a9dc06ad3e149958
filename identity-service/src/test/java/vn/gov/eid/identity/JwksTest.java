package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.gov.eid.identity.Fixtures.login;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestKeys;
import vn.gov.eid.testsupport.TestTokens;

/** The published JWKS verifies issued tokens with a plain JOSE library (jose4j), not only with smallrye-jwt. */
@QuarkusTest
class JwksTest {

    @Test
    void discoveryDocumentPointsAtTheJwksAndTokenEndpoint() {
        var doc = given().get("/.well-known/openid-configuration")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(TestTokens.ISSUER, doc.getString("issuer"));
        String jwksUri = doc.getString("jwks_uri");
        assertEquals(true, jwksUri.endsWith("/.well-known/jwks.json"), jwksUri);
        given().get(java.net.URI.create(jwksUri).getPath()).then().statusCode(200);
        assertEquals(true, doc.getString("token_endpoint").endsWith("/api/v1/auth/token"));
        assertEquals(List.of("RS256"), doc.getList("id_token_signing_alg_values_supported"));
        assertEquals(List.of("password", "client_credentials"), doc.getList("grant_types_supported"));
    }

    @Test
    void jwksVerifiesIssuedTokensAndNothingElse() throws Exception {
        String body = given().get("/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asString();
        JsonWebKeySet set = new JsonWebKeySet(body);
        List<JsonWebKey> keys = set.getJsonWebKeys();
        assertEquals(1, keys.size());
        JsonWebKey key = keys.get(0);
        assertEquals("RS256", key.getAlgorithm());
        assertEquals("sig", key.getUse());
        assertEquals(
                key.calculateBase64urlEncodedThumbprint("SHA-256"),
                key.getKeyId(),
                "kid is not the RFC 7638 thumbprint");
        assertEquals(TestKeys.signingKeyPair().getPublic(), key.getKey());

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys))
                .setExpectedIssuer(TestTokens.ISSUER)
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();
        String token = login("supervisor1", "Supervisor@2026").path("access_token");
        JwtClaims claims = consumer.processToClaims(token);
        assertEquals("supervisor1", claims.getSubject());
        assertEquals(List.of("supervisor"), claims.getStringListClaimValue("groups"));

        assertThrows(
                InvalidJwtException.class,
                () -> consumer.processToClaims(TestTokens.otherKey("supervisor1", "supervisor")));
        String[] parts = token.split("\\.");
        assertThrows(
                InvalidJwtException.class, () -> consumer.processToClaims(parts[0] + "." + parts[1] + "x." + parts[2]));
    }
}
