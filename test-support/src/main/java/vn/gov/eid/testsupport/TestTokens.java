package vn.gov.eid.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Mints bearer tokens for tests with the test signing key (TestKeys), plus the bad tokens a secured endpoint
 * must refuse: expired, wrong issuer, unknown key, alg=none, tampered payload.
 */
public final class TestTokens {

    /** The issuer the services under test expect (InfraTestResource sets IDENTITY_ISSUER to it). */
    public static final String ISSUER = "https://identity.test.eid.gov.vn";

    private static final KeyPair OTHER_KEY = vn.gov.eid.infra.DevKeys.rsa();

    private TestTokens() {}

    /** A valid RS256 token with a kid, valid for 15 minutes. */
    public static String token(String upn, String... groups) {
        return sign(claims(ISSUER, upn, groups, 900), TestKeys.signingKeyPair(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    public static String expired(String upn, String... groups) {
        return sign(
                claims(ISSUER, upn, groups, -600), TestKeys.signingKeyPair(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    public static String wrongIssuer(String upn, String... groups) {
        return sign(
                claims("https://attacker.example", upn, groups, 900),
                TestKeys.signingKeyPair(),
                AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** Signed by a key the services do not know, with the kid of that key. */
    public static String otherKey(String upn, String... groups) {
        return sign(claims(ISSUER, upn, groups, 900), OTHER_KEY, AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** alg=none: no signature at all. */
    public static String unsigned(String upn, String... groups) {
        JwtClaims claims = claims(ISSUER, upn, groups, 900);
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        return header + "." + b64(claims.toJson()) + ".";
    }

    /** A valid token whose payload was changed after signing (groups widened to supervisor). */
    public static String tampered(String upn, String... groups) {
        String[] parts = token(upn, groups).split("\\.");
        JwtClaims claims = claims(ISSUER, upn, new String[] {"supervisor", "operator", "officer"}, 900);
        return parts[0] + "." + b64(claims.toJson()) + "." + parts[2];
    }

    private static JwtClaims claims(String issuer, String upn, String[] groups, int lifetimeSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(upn);
        claims.setClaim("upn", upn);
        claims.setStringListClaim("groups", List.of(groups));
        claims.setJwtId(UUID.randomUUID().toString());
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(lifetimeSeconds < 0 ? NumericDate.fromSeconds(now.getValue() + 2L * lifetimeSeconds) : now);
        claims.setExpirationTime(NumericDate.fromSeconds(now.getValue() + lifetimeSeconds));
        return claims;
    }

    private static String sign(JwtClaims claims, KeyPair key, String alg) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(alg);
            jws.setKey(key.getPrivate());
            jws.setKeyIdHeaderValue(kid(key));
            jws.setHeader("typ", "JWT");
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 7638 thumbprint of the public key, as identity-service names its keys. */
    public static String kid(KeyPair key) {
        return new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) key.getPublic())
                .calculateBase64urlEncodedThumbprint("SHA-256");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
