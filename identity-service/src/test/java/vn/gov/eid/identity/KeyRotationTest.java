package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.identity.Fixtures.login;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.junit.jupiter.api.Test;
import vn.gov.eid.infra.DevKeys;
import vn.gov.eid.testsupport.TestKeys;
import vn.gov.eid.testsupport.TestTokens;

/**
 * Key rotation: a new key signs, the previous one stays in the JWKS, so tokens signed before the rotation still
 * verify until they expire.
 */
@QuarkusTest
@TestProfile(KeyRotationTest.Rotated.class)
class KeyRotationTest {

    static final KeyPair NEW_KEY = DevKeys.rsa();

    /** The signing key replaced by a new one; the test signing key becomes the previous key. */
    public static class Rotated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path pem = Files.createTempFile("eid-rotated-signing", ".pem");
                pem.toFile().deleteOnExit();
                Files.writeString(pem, DevKeys.toPem(NEW_KEY.getPrivate()));
                return Map.of(
                        "eid.identity.signing-key-location",
                        pem.toString(),
                        "eid.identity.previous-public-key-locations",
                        TestKeys.locations().get("IDENTITY_PUBLIC_KEY_LOCATION"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void newKeySignsAndThePreviousKeyStaysPublished() throws Exception {
        JsonWebKeySet set = new JsonWebKeySet(given().get("/.well-known/jwks.json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<JsonWebKey> keys = set.getJsonWebKeys();
        Set<String> kids = keys.stream().map(JsonWebKey::getKeyId).collect(Collectors.toSet());
        String newKid = TestTokens.kid(NEW_KEY);
        String oldKid = TestTokens.kid(TestKeys.signingKeyPair());
        assertEquals(Set.of(newKid, oldKid), kids);

        String issued = login("officer1", "Officer@2026").path("access_token");
        String header = new String(java.util.Base64.getUrlDecoder().decode(issued.split("\\.")[0]));
        assertTrue(
                header.contains("\"kid\":\"" + newKid + "\""), "new tokens are not signed with the new key: " + header);

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys))
                .setExpectedIssuer(TestTokens.ISSUER)
                .setRequireExpirationTime()
                .build();
        assertEquals("officer1", consumer.processToClaims(issued).getSubject());
        // A token signed with the previous key before the rotation still verifies against the published set.
        assertEquals(
                "operator1",
                consumer.processToClaims(TestTokens.token("operator1", "operator"))
                        .getSubject());
    }
}
