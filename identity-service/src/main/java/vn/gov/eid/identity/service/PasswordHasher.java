package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import vn.gov.eid.identity.config.IdentityConfig;

/**
 * Hashes and verifies passwords with Argon2id, stored as PHC strings
 * ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash}). The only class that knows the implementation
 * (BouncyCastle today), so a faster one can replace it here.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final int iterations;
    private final int memoryKib;
    private final int parallelism;
    private volatile String dummyHash;

    @Inject
    public PasswordHasher(IdentityConfig config) {
        this(config.password().argon2Iterations(), config.password().argon2MemoryKib(), config.password().argon2Parallelism());
    }

    /** With explicit Argon2id parameters (benchmarks, tests). */
    public PasswordHasher(int iterations, int memoryKib, int parallelism) {
        this.iterations = iterations;
        this.memoryKib = memoryKib;
        this.parallelism = parallelism;
    }

    /** Returns the PHC string of a fresh salted Argon2id hash of the password. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, iterations, memoryKib, parallelism, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Checks a password against a PHC string, in constant time; a malformed hash never matches. */
    public boolean verify(String password, String phc) {
        if (password == null || phc == null) {
            return false;
        }
        String[] parts = phc.split("\\$");
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
            Log.warn("password hash in an unknown format; treated as no match");
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                String[] pair = kv.split("=", 2);
                int value = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> m = value;
                    case "t" -> t = value;
                    case "p" -> p = value;
                    default -> throw new IllegalArgumentException("unknown parameter " + pair[0]);
                }
            }
            byte[] salt = B64D.decode(parts[4]);
            byte[] expected = B64D.decode(parts[5]);
            byte[] actual = argon2(password, salt, t, m, p, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (RuntimeException e) {
            Log.warn("password hash with unreadable parameters; treated as no match");
            return false;
        }
    }

    /**
     * Spends the time of one verification for a username that does not exist, so that response times do not
     * tell which usernames exist.
     */
    public void verifyDummy(String password) {
        String dummy = dummyHash;
        if (dummy == null) {
            dummy = hash("not-a-password-" + random.nextLong());
            dummyHash = dummy;
        }
        verify(password, dummy);
    }

    /** Whether a stored hash uses other parameters than the configured ones (worth rehashing at next login). */
    public boolean needsRehash(String phc) {
        return phc == null || !phc.startsWith("$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$");
    }

    private static byte[] argon2(String password, byte[] salt, int t, int m, int p, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(t)
                .withMemoryAsKB(m)
                .withParallelism(p)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        try {
            generator.generateBytes(pw, out);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
        return out;
    }
}
