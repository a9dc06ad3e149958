package vn.gov.eid.identity.service;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.platform.error.DomainException;

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
    // Logins and password changes take a slot of their own pool, with a bounded wait; account creation and
    // credential resets take one of theirs, so neither can starve the other.
    private final Semaphore slots;
    private final Semaphore provisioningSlots;
    private final Duration slotWait;
    private final int maxConcurrent;
    private volatile String dummyHash;

    @Inject
    public PasswordHasher(IdentityConfig config) {
        this(
                Argon2Factory.createAdvanced(Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES),
                config.password().argon2Iterations(),
                config.password().argon2MemoryKib(),
                config.password().argon2Parallelism(),
                config.password().hashConcurrency().orElse(Runtime.getRuntime().availableProcessors()),
                config.password()
                        .provisioningHashConcurrency()
                        .orElse(Runtime.getRuntime().availableProcessors()),
                config.password().hashSlotWait());
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
        this(argon2, iterations, memoryKib, parallelism, maxConcurrent, 1, null);
    }

    /** slotWait null: a login waits for a hash slot as long as it takes (benchmarks, tests). */
    PasswordHasher(
            Argon2Advanced argon2,
            int iterations,
            int memoryKib,
            int parallelism,
            int maxConcurrent,
            int provisioningConcurrency,
            Duration slotWait) {
        if (iterations < 1
                || parallelism < 1
                || memoryKib < 8 * parallelism
                || maxConcurrent < 1
                || provisioningConcurrency < 1) {
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
        this.provisioningSlots = new Semaphore(provisioningConcurrency, true);
        this.slotWait = slotWait;
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
        return hash(password, slots);
    }

    /**
     * Like {@link #hash(String)}, in the pool of account creation and credential resets: waits as long as it takes,
     * never behind logins.
     */
    public String hashForProvisioning(String password) {
        return hash(password.toCharArray(), provisioningSlots);
    }

    private String hash(char[] password, Semaphore pool) {
        try {
            acquire(pool);
            try {
                return argon2.hash(iterations, memoryKib, parallelism, password, StandardCharsets.UTF_8);
            } finally {
                pool.release();
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
            acquire(slots);
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

    private void acquire(Semaphore pool) {
        try {
            if (pool == provisioningSlots || slotWait == null) {
                pool.acquire();
            } else if (!pool.tryAcquire(slotWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw DomainException.unavailable(
                                "busy", "Busy", "too many logins are being checked right now; retry in a moment")
                        .retryAfter(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to hash a password", e);
        }
    }
}
