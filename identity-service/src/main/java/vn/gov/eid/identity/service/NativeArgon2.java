package vn.gov.eid.identity.service;

import com.sun.jna.Library;
import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Version;
import de.mkammerer.argon2.jna.Argon2Library;
import java.io.File;
import java.lang.reflect.Proxy;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Trust in the native libargon2 behind {@link PasswordHasher}: the known-answer tests it must pass before it may
 * hash passwords, and which library file the process loaded.
 */
final class NativeArgon2 {

    /** RFC 9106 section 5.3 (Argon2id, t=3, m=32 KiB, p=4, with secret and associated data). */
    private static final byte[] RFC9106_TAG = hex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");

    /**
     * Made by BouncyCastle 1.82 (the implementation before this one) from {@link #KNOWN_PASSWORD}: proves at start that
     * hashes stored earlier still verify, with the production parameters and a non-ASCII password.
     */
    static final String KNOWN_PHC =
            "$argon2id$v=19$m=7168,t=5,p=1$dm4tZWlkLXNlbGZ0ZXN0IQ$OFvd/aqt786drCWP7lixOq5J5PdUpRQptq9BzohL8zI";

    static final String KNOWN_PASSWORD = "Mật_khẩu_2026";

    private NativeArgon2() {}

    /**
     * Refuses to work with an Argon2 library that computes wrong results: a broken native build must not accept
     * passwords (or store hashes nobody can verify later). Checks the raw library, then the hasher built on it.
     */
    static void selfTest(Argon2Advanced argon2, PasswordHasher hasher, String currentPrefix) {
        byte[] password = filled(32, 0x01);
        byte[] tag;
        try {
            tag = argon2.rawHashAdvanced(
                    3, 32, 4, password, filled(16, 0x02), filled(8, 0x03), filled(12, 0x04), 32, Argon2Version.V13);
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("Argon2id self-test failed: the native library cannot be used", e);
        }
        if (!MessageDigest.isEqual(RFC9106_TAG, tag)) {
            throw new IllegalStateException("Argon2id self-test failed: wrong result for the RFC 9106 test vector");
        }
        if (!hasher.verify(KNOWN_PASSWORD, KNOWN_PHC) || hasher.verify(KNOWN_PASSWORD + "x", KNOWN_PHC)) {
            throw new IllegalStateException(
                    "Argon2id self-test failed: a known PHC string does not verify as expected");
        }
        String fresh = hasher.hash(KNOWN_PASSWORD);
        if (!fresh.startsWith(currentPrefix) || !hasher.verify(KNOWN_PASSWORD, fresh)) {
            throw new IllegalStateException("Argon2id self-test failed: a fresh hash does not verify");
        }
    }

    /**
     * Which libargon2 file the process has loaded: JNA prefers a system copy over the one bundled in the jar, which it
     * extracts to a temporary file.
     */
    static String libraryFile() {
        try {
            Object handler = Proxy.getInvocationHandler(Argon2Library.INSTANCE);
            File file = ((Library.Handler) handler).getNativeLibrary().getFile();
            if (file == null) {
                return "libargon2 (file unknown)";
            }
            boolean extracted =
                    file.getName().startsWith("jna") && file.getName().endsWith(".tmp");
            return "libargon2 " + file.getAbsolutePath() + (extracted ? " (the copy bundled in argon2-jvm)" : "");
        } catch (RuntimeException | LinkageError e) {
            return "libargon2 (file unknown)";
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
