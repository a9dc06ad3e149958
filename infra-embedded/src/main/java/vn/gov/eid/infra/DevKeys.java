package vn.gov.eid.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generates the RSA key pairs a local run or a test needs (token signing, SMS secret JWE, dossier contact
 * JWE) as PEM files, and names them with the environment variables the services read. Never for production.
 */
public final class DevKeys {

    /** The three pairs, each written as NAME-private.pem and NAME-public.pem. */
    public record Pairs(KeyPair signing, KeyPair sms, KeyPair contact) {}

    private DevKeys() {}

    public static Pairs generate() {
        return new Pairs(rsa(), rsa(), rsa());
    }

    /** A fresh 2048-bit RSA key pair. */
    public static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes the pairs to the folder and returns the service settings that point at them: IDENTITY_SIGNING_KEY_LOCATION,
     * IDENTITY_PUBLIC_KEY_LOCATION, SMS_JWE_PUBLIC_KEY_LOCATION, SMS_JWE_PRIVATE_KEY_LOCATION,
     * IDENTITY_CONTACT_PUBLIC_KEY_LOCATION, IDENTITY_CONTACT_PRIVATE_KEY_LOCATION.
     */
    public static Map<String, String> write(Pairs pairs, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                "IDENTITY_SIGNING_KEY_LOCATION",
                pem(dir.resolve("signing-private.pem"), pairs.signing().getPrivate()));
        env.put(
                "IDENTITY_PUBLIC_KEY_LOCATION",
                pem(dir.resolve("signing-public.pem"), pairs.signing().getPublic()));
        env.put(
                "SMS_JWE_PUBLIC_KEY_LOCATION",
                pem(dir.resolve("sms-public.pem"), pairs.sms().getPublic()));
        env.put(
                "SMS_JWE_PRIVATE_KEY_LOCATION",
                pem(dir.resolve("sms-private.pem"), pairs.sms().getPrivate()));
        env.put(
                "IDENTITY_CONTACT_PUBLIC_KEY_LOCATION",
                pem(dir.resolve("contact-public.pem"), pairs.contact().getPublic()));
        env.put(
                "IDENTITY_CONTACT_PRIVATE_KEY_LOCATION",
                pem(dir.resolve("contact-private.pem"), pairs.contact().getPrivate()));
        return env;
    }

    /** PEM text of a public (X.509 SubjectPublicKeyInfo) or private (PKCS#8) key. */
    public static String toPem(Key key) {
        String label = key instanceof PrivateKey ? "PRIVATE KEY" : "PUBLIC KEY";
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END " + label + "-----\n";
    }

    private static String pem(Path file, Key key) throws IOException {
        Files.writeString(file, toPem(key), StandardCharsets.US_ASCII);
        if (key instanceof PrivateKey) {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions apply
            }
        }
        return file.toAbsolutePath().toString();
    }
}
