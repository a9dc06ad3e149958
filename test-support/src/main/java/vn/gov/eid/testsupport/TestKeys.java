package vn.gov.eid.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import vn.gov.eid.infra.DevKeys;

/**
 * Test-only key pairs (RSA: token signing, SMS JWE, contact JWE; Ed25519: event signatures), made once per JVM and
 * written as PEM files.
 */
public final class TestKeys {

    private static final DevKeys.Pairs PAIRS = DevKeys.generate();
    private static Map<String, String> locations;

    private TestKeys() {}

    public static KeyPair signingKeyPair() {
        return PAIRS.signing();
    }

    public static KeyPair smsKeyPair() {
        return PAIRS.sms();
    }

    public static KeyPair contactKeyPair() {
        return PAIRS.contact();
    }

    /** The event signing pair of a producing service: DOSSIER, IDENTITY or NOTIFICATION. */
    public static KeyPair eventKeyPair(String producer) {
        return DevKeys.eventPair(PAIRS, producer);
    }

    /** The key settings (IDENTITY_SIGNING_KEY_LOCATION, ...) pointing at PEM files of these pairs. */
    public static synchronized Map<String, String> locations() {
        if (locations == null) {
            try {
                Path dir = Files.createTempDirectory("eid-test-keys");
                dir.toFile().deleteOnExit();
                locations = DevKeys.write(PAIRS, dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return locations;
    }
}
