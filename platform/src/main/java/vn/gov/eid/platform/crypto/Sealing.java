package vn.gov.eid.platform.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * Seals values for exactly one recipient: a compact JWE, RSA-OAEP-256 key wrapping and A256GCM content
 * encryption. Used wherever a secret or contact data crosses a topic (SMS passwords, dossier contacts).
 */
public final class Sealing {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private Sealing() {}

    /** JSON-serialises the value and encrypts it to the recipient's public RSA key. */
    public static String seal(Object value, PublicKey recipient) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.RSA_OAEP_256);
            jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
            jwe.setContentTypeHeaderValue("application/json");
            jwe.setKey(recipient);
            jwe.setPlaintext(MAPPER.writeValueAsBytes(value));
            return jwe.getCompactSerialization();
        } catch (JoseException | JsonProcessingException e) {
            throw new IllegalStateException("cannot seal value: " + e.getMessage(), e);
        }
    }

    /** Decrypts a JWE made by {@link #seal} with the recipient's private key and binds the JSON to a type. */
    public static <T> T open(String compactJwe, PrivateKey key, Class<T> type) {
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, KeyManagementAlgorithmIdentifiers.RSA_OAEP_256));
            jwe.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM));
            jwe.setCompactSerialization(compactJwe);
            jwe.setKey(key);
            return MAPPER.readValue(jwe.getPlaintextBytes(), type);
        } catch (JoseException | IOException e) {
            // No detail from the ciphertext or plaintext: only that it could not be opened.
            throw new IllegalArgumentException("sealed value cannot be opened with this key", e);
        }
    }

    /** Reads an RSA public key (PEM, "PUBLIC KEY") from a file path or a classpath: location. */
    public static PublicKey publicKey(String location) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Pem.body(location, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA public key: " + location, e);
        }
    }

    /** Reads an RSA private key (PEM, PKCS#8 "PRIVATE KEY") from a file path or a classpath: location. */
    public static PrivateKey privateKey(String location) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Pem.body(location, "PRIVATE KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA PKCS#8 private key: " + location, e);
        }
    }
}
