package vn.gov.eid.identity.service;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import vn.gov.eid.identity.config.IdentityConfig;

/**
 * Hashes and verifies passwords with Argon2id, stored as PHC strings
 * ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash}), using the reference C libargon2 through argon2-jvm
 * (docs/adr/0001). With {@link NativeArgon2}, which checks the library at start, the only class that knows the
 * implementation.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$v=19$";

    private final Argon2Advanced argon2;
    private final SecureRandom random = new SecureRandom();
    private final int iterations;
    private final int memoryKib;
    private final int parallelism;
    private final String currentPrefix;
    // Each hash mallocs memoryKib outside the heap and keeps a core busy: more at once only adds memory and latency.
    private final Semaphore slots;
    private final int maxConcurrent;
    private volatile String dummyHash;

    @Inject
    public PasswordHasher(IdentityConfig config) {
        this(
                config.password().argon2Iterations(),
                config.password().argon2MemoryKib(),
                config.password().argon2Parallelism(),
                config.password().hashConcurrency().orElse(Runtime.getRuntime().availableProcessors()));
    }

    /** With explicit Argon2id parameters and as many concurrent hashes as cores (benchmarks, tests). */
    public PasswordHasher(int iterations, int memoryKib, int parallelism) {
        this(iterations, memoryKib, parallelism, Runtime.getRuntime().availableProcessors());
    }

    /** With explicit Argon2id parameters and concurrency bound. */
    public PasswordHasher(int iterations, int memoryKib, int parallelism, int maxConcurrent) {
        this(
                Argon2Factory.createAdvanced(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES),
                iterations,
                memoryKib,
                parallelism,
                maxConcurrent);
    }

    PasswordHasher(Argon2Advanced argon2, int iterations, int memoryKib, int parallelism, int maxConcurrent) {
        if (iterations < 1 || parallelism < 1 || memoryKib < 8 * parallelism || maxConcurrent < 1) {
            throw new IllegalArgumentException("invalid Argon2id settings: t=" + iterations + " m=" + memoryKib + " p="
                    + parallelism + " concurrency=" + maxConcurrent);
        }
        this.argon2 = argon2;
        this.iterations = iterations;
        this.memoryKib = memoryKib;
        this.parallelism = parallelism;
        this.maxConcurrent = maxConcurrent;
        this.currentPrefix = PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$";
        this.slots = new Semaphore(maxConcurrent, true);
        NativeArgon2.selfTest(argon2, this, currentPrefix);
        Log.infof(
                "Argon2id t=%d m=%d KiB p=%d, at most %d hashes at once, %s: known-answer tests passed",
                iterations, memoryKib, parallelism, maxConcurrent, nativeLibrary());
    }

    /** Returns the PHC string of a fresh salted Argon2id hash of the password. */
    public String hash(String password) {
        return hash(password.toCharArray());
    }

    /** Returns the PHC string of a fresh salted Argon2id hash; the array is wiped afterwards. */
    public String hash(char[] password) {
        try {
            acquire();
            try {
                return argon2.hash(iterations, memoryKib, parallelism, password, StandardCharsets.UTF_8);
            } finally {
                slots.release();
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Checks a password against a PHC string, in constant time; a malformed hash never matches. */
    public boolean verify(String password, String phc) {
        if (password == null) {
            return false;
        }
        return verify(password.toCharArray(), phc);
    }

    /** Checks a password against a PHC string; the array is wiped afterwards. */
    public boolean verify(char[] password, String phc) {
        try {
            if (password == null || phc == null) {
                return false;
            }
            if (!phc.startsWith(PREFIX)) {
                Log.warn("password hash in an unknown format; treated as no match");
                return false;
            }
            acquire();
            try {
                // libargon2 decodes the parameters from the string and compares the tags in constant time.
                return argon2.verify(phc, password, StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                Log.warn("password hash with unreadable parameters; treated as no match");
                return false;
            } finally {
                slots.release();
            }
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
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
        return phc == null || !phc.startsWith(currentPrefix);
    }

    /** How many hashes may run at once. */
    public int maxConcurrentHashes() {
        return maxConcurrent;
    }

    /**
     * Which libargon2 file the process has loaded: JNA prefers a system copy over the one bundled in the jar, which it
     * extracts to a temporary file.
     */
    public String nativeLibrary() {
        return NativeArgon2.libraryFile();
    }

    private void acquire() {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
    }
}
