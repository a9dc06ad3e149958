package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.platform.crypto.Sealing;

/**
 * The RSA key that signs tokens and the public keys published as JWKS; the kid of each key is its RFC 7638
 * thumbprint, so verifiers can pick the right key after a rotation.
 */
@ApplicationScoped
public class SigningKeys {

    @Inject
    IdentityConfig config;

    private PrivateKey signingKey;
    private String signingKid;
    private List<Map<String, Object>> jwks;

    @PostConstruct
    void load() {
        RSAPublicKey currentPublic;
        if (config.signingKeyLocation().filter(s -> !s.isBlank()).isPresent()) {
            signingKey = Sealing.privateKey(config.signingKeyLocation().get());
            currentPublic = publicOf(signingKey);
        } else if (LaunchMode.current() != LaunchMode.NORMAL) {
            // dev and test only: an ephemeral key, so the service starts without key files
            Log.warn("IDENTITY_SIGNING_KEY_LOCATION not set: signing tokens with an ephemeral key (not in prod)");
            try {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
                gen.initialize(2048);
                var pair = gen.generateKeyPair();
                signingKey = pair.getPrivate();
                currentPublic = (RSAPublicKey) pair.getPublic();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        } else {
            throw new IllegalStateException("IDENTITY_SIGNING_KEY_LOCATION is not set: identity-service needs the PEM "
                    + "private RSA key that signs tokens");
        }
        signingKid = thumbprint(currentPublic);
        List<Map<String, Object>> keys = new ArrayList<>();
        keys.add(jwk(currentPublic, signingKid));
        for (String location : config.previousPublicKeyLocations().orElse(List.of())) {
            if (location.isBlank()) {
                continue;
            }
            // keys retired from signing stay published until the tokens they signed have expired
            RSAPublicKey previous = (RSAPublicKey) Sealing.publicKey(location.trim());
            String kid = thumbprint(previous);
            if (!kid.equals(signingKid)) {
                keys.add(jwk(previous, kid));
            }
        }
        jwks = List.copyOf(keys);
        Log.infof("token signing key kid=%s; %d key(s) published in the JWKS", signingKid, jwks.size());
    }

    /** The private key that signs new tokens. */
    public PrivateKey signingKey() {
        return signingKey;
    }

    /** The kid header of new tokens. */
    public String signingKid() {
        return signingKid;
    }

    /** The JWK Set document (RFC 7517) of the published public keys. */
    public Map<String, Object> jwkSet() {
        return Map.of("keys", jwks);
    }

    private static RSAPublicKey publicOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException(
                    "the token signing key must be an RSA private key (PKCS#8 with CRT parameters)");
        }
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot derive the public key of the token signing key", e);
        }
    }

    private static Map<String, Object> jwk(RSAPublicKey key, String kid) {
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", b64(key.getModulus()));
        jwk.put("e", b64(key.getPublicExponent()));
        return jwk;
    }

    /** RFC 7638 thumbprint: SHA-256 of the required members in lexicographic order, no whitespace. */
    static String thumbprint(RSAPublicKey key) {
        String canonical = "{\"e\":\"" + b64(key.getPublicExponent()) + "\",\"kty\":\"RSA\",\"n\":\""
                + b64(key.getModulus()) + "\"}";
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Base64url of the unsigned big-endian bytes (RFC 7518 section 6.3.1). */
    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
