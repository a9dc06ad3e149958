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
 * Generates the key pairs a local run or a test needs (RSA: token signing, SMS secret JWE, dossier contact JWE;
 * Ed25519: one event signing key per producing service) as PEM files, and names them with the environment variables
 * the services read. Never for production.
 */
public final class DevKeys {

    /** The pairs, each written as NAME-private.pem and NAME-public.pem. */
    public record Pairs(
            KeyPair signing,
            KeyPair sms,
            KeyPair contact,
            KeyPair dossierEvents,
            KeyPair identityEvents,
            KeyPair notificationEvents) {}

    /** The services that sign the records they publish, as their environment variables name them. */
    private static final String[] EVENT_PRODUCERS = {"DOSSIER", "IDENTITY", "NOTIFICATION"};

    private DevKeys() {}

    public static Pairs generate() {
        return new Pairs(rsa(), rsa(), rsa(), ed25519(), ed25519(), ed25519());
    }

    /** A fresh Ed25519 key pair (event signatures). */
    public static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event key pair of a producer named as in the environment variables (DOSSIER, IDENTITY, NOTIFICATION). */
    public static KeyPair eventPair(Pairs pairs, String producer) {
        return switch (producer) {
            case "DOSSIER" -> pairs.dossierEvents();
            case "IDENTITY" -> pairs.identityEvents();
            case "NOTIFICATION" -> pairs.notificationEvents();
            default -> throw new IllegalArgumentException("no event key pair for " + producer);
        };
    }

    /** A fresh random password (144 bits, URL-safe characters), e.g. for a broker principal. */
    public static String randomSecret() {
        byte[] b = new byte[18];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A fresh 256-bit key-encryption key for personal data at rest, Base64 (the value part of EID_DATA_KEYS). */
    public static String randomDataKey() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.Base64.getEncoder().encodeToString(b);
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
     * IDENTITY_CONTACT_PUBLIC_KEY_LOCATION, IDENTITY_CONTACT_PRIVATE_KEY_LOCATION, and per producing service
     * (DOSSIER, IDENTITY, NOTIFICATION) NAME_EVENTS_SIGNING_KEY (its key pair) and NAME_EVENTS_PUBLIC_KEYS.
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
        for (String producer : EVENT_PRODUCERS) {
            KeyPair pair = eventPair(pairs, producer);
            String name = producer.toLowerCase() + "-events";
            Path signing = dir.resolve(name + "-signing.pem");
            Files.writeString(signing, toPem(pair.getPrivate()) + toPem(pair.getPublic()), StandardCharsets.US_ASCII);
            restrict(signing);
            env.put(producer + "_EVENTS_SIGNING_KEY", signing.toAbsolutePath().toString());
            env.put(producer + "_EVENTS_PUBLIC_KEYS", pem(dir.resolve(name + "-public.pem"), pair.getPublic()));
        }
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
            restrict(file);
        }
        return file.toAbsolutePath().toString();
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
    }
}
