package vn.gov.eid.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The native Argon2id hasher: PHC format, stored hashes, start-up self-test, wiping, concurrency bound. */
class PasswordHasherTest {

    /** Made by BouncyCastle 1.82 (OWASP parameters) and (cheap parameters), as older rows may hold them. */
    private static final String BC_OWASP =
            "$argon2id$v=19$m=19456,t=2,p=1$dm4tZWlkLW93YXNwLW9sZA$7vW9demav0aG0rRL4cOA6sD3nqIbXh2B+GsU4FnCAEw";

    private static final String BC_CHEAP =
            "$argon2id$v=19$m=1024,t=1,p=1$dm4tZWlkLWNoZWFwLW9sZA$6Ty5QWUxT277bufesOJk389wTs7HNoyicmJfwsa/8E4";

    private final PasswordHasher hasher = new PasswordHasher(5, 7168, 1);

    @Test
    void hashesStoredByTheBouncyCastleImplementationStillVerify() {
        assertTrue(hasher.verify(NativeArgon2.KNOWN_PASSWORD, NativeArgon2.KNOWN_PHC));
        assertTrue(hasher.verify("Mật_khẩu_2026", BC_OWASP));
        assertTrue(hasher.verify("Secret_2026", BC_CHEAP));
        assertFalse(hasher.verify("Mat_khau_2026", BC_OWASP), "the non-ASCII password must be hashed as UTF-8");
        assertFalse(hasher.verify("Secret_2027", BC_CHEAP));
        assertFalse(hasher.needsRehash(NativeArgon2.KNOWN_PHC));
        assertTrue(hasher.needsRehash(BC_OWASP));
        assertTrue(hasher.needsRehash(BC_CHEAP));
    }

    @Test
    void argon2idHashIsSaltedPhcAndVerifiesOnlyTheRightPassword() {
        String h1 = hasher.hash("Secret_2026");
        String h2 = hasher.hash("Secret_2026");
        assertTrue(h1.matches("\\$argon2id\\$v=19\\$m=7168,t=5,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), h1);
        assertNotEquals(h1, h2, "same salt twice");
        assertTrue(hasher.verify("Secret_2026", h1));
        assertTrue(hasher.verify("Secret_2026", h2));
        assertFalse(hasher.verify("Secret_2027", h1));
        assertFalse(hasher.verify("Secret_2026", h1.substring(0, h1.length() - 2) + "AA"));
        assertFalse(hasher.verify("Secret_2026", "plain"));
        // A hash made with other parameters still verifies (parameters are read from the string).
        assertTrue(new PasswordHasher(1, 1024, 1).verify("Secret_2026", h1));
        assertTrue(hasher.needsRehash(new PasswordHasher(1, 1024, 1).hash("x")));
    }

    @Test
    void newHashesUseTheConfiguredParametersAndVerifyWithBouncyCastle() {
        PasswordHasher owasp = new PasswordHasher(2, 19456, 1);
        String phc = owasp.hash("Mật_khẩu_2026");
        assertTrue(phc.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), phc);
        assertFalse(owasp.needsRehash(phc));
        assertTrue(hasher.needsRehash(phc));
        // An independent implementation accepts it: stored hashes do not tie us to the native library.
        assertTrue(bouncyCastleVerifies("Mật_khẩu_2026", phc));
        assertFalse(bouncyCastleVerifies("Mật_khẩu_2027", phc));
    }

    @Test
    void passwordArraysAreWipedAfterUse() {
        char[] password = "Secret_2026".toCharArray();
        String phc = hasher.hash(password);
        assertTrue(allZero(password), "hash left the password in memory");
        char[] again = "Secret_2026".toCharArray();
        assertTrue(hasher.verify(again, phc));
        assertTrue(allZero(again), "verify left the password in memory");
        char[] wrong = "Secret_2027".toCharArray();
        assertFalse(hasher.verify(wrong, phc));
        assertTrue(allZero(wrong));
    }

    @Test
    void malformedHashesNeverMatch() {
        String phc = hasher.hash("Secret_2026");
        assertFalse(hasher.verify("Secret_2026", phc.substring(0, phc.length() - 2) + "AA"));
        assertFalse(hasher.verify("Secret_2026", "plain"));
        assertFalse(hasher.verify("Secret_2026", phc.replace("argon2id", "argon2i")));
        assertFalse(hasher.verify("Secret_2026", phc.replace("m=7168", "m=x")));
        assertFalse(hasher.verify("Secret_2026", null));
    }

    @Test
    void aLibraryWithWrongResultsIsRefusedAtCreation() {
        Argon2Advanced real = Argon2Factory.createAdvanced(Argon2Types.ARGON2id, 16, 32);
        // A miscompiled library: one bit of every raw tag flipped.
        Argon2Advanced wrongTags = wrap(real, (name, result) -> {
            if (name.equals("rawHashAdvanced")) {
                byte[] tag = ((byte[]) result).clone();
                tag[0] ^= 1;
                return tag;
            }
            return result;
        });
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> new PasswordHasher(wrongTags, 5, 7168, 1, 1));
        assertTrue(e.getMessage().contains("RFC 9106"), e.getMessage());
        // The worst case: a library that accepts every password.
        Argon2Advanced acceptsAll = wrap(real, (name, result) -> name.equals("verify") ? Boolean.TRUE : result);
        e = assertThrows(IllegalStateException.class, () -> new PasswordHasher(acceptsAll, 5, 7168, 1, 1));
        assertTrue(e.getMessage().contains("known PHC"), e.getMessage());
    }

    @Test
    void noMoreHashesRunAtOnceThanConfigured() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Argon2Advanced real = Argon2Factory.createAdvanced(Argon2Types.ARGON2id, 16, 32);
        Argon2Advanced counting = (Argon2Advanced) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Argon2Advanced.class}, (proxy, method, args) -> {
                    peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    } finally {
                        running.decrementAndGet();
                    }
                });
        PasswordHasher bounded = new PasswordHasher(counting, 2, 1024, 1, 2);
        peak.set(0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> jobs = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String pw = "Secret_" + i;
                jobs.add(pool.submit(() -> bounded.verify(pw, bounded.hash(pw))));
            }
            for (Future<Boolean> job : jobs) {
                assertTrue(job.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(peak.get() <= 2, "hashes at once: " + peak.get());
        assertEquals(2, bounded.maxConcurrentHashes());
    }

    @Test
    void aLoginThatGetsNoHashSlotInTimeIsTurnedAwayWhileAccountCreationHasSlotsOfItsOwn() throws Exception {
        java.util.concurrent.CountDownLatch inside = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean block = new java.util.concurrent.atomic.AtomicBoolean();
        Argon2Advanced real = Argon2Factory.createAdvanced(Argon2Types.ARGON2id, 16, 32);
        Argon2Advanced slowVerify = (Argon2Advanced) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Argon2Advanced.class}, (proxy, method, args) -> {
                    if (block.get() && method.getName().equals("verify")) {
                        inside.countDown();
                        release.await();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
        PasswordHasher hasher = new PasswordHasher(slowVerify, 2, 1024, 1, 1, 1, java.time.Duration.ofMillis(200));
        String phc = hasher.hashForProvisioning("Secret_2026a");
        block.set(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> first = pool.submit(() -> hasher.verify("Secret_2026a", phc));
            assertTrue(inside.await(10, java.util.concurrent.TimeUnit.SECONDS));
            long start = System.nanoTime();
            vn.gov.eid.platform.error.DomainException busy = assertThrows(
                    vn.gov.eid.platform.error.DomainException.class, () -> hasher.verify("Secret_2026a", phc));
            assertEquals(vn.gov.eid.platform.error.DomainException.Kind.UNAVAILABLE, busy.kind());
            assertEquals(1, busy.retryAfterSeconds().getAsLong());
            assertTrue(System.nanoTime() - start >= 150_000_000L, "gave up before the configured wait");
            // the only login slot is taken, yet an account's temporary password is hashed at once
            assertTrue(hasher.needsRehash("x")
                    && hasher.hashForProvisioning("Other_2026b").startsWith("$argon2id$"));
            release.countDown();
            assertTrue(first.get(10, java.util.concurrent.TimeUnit.SECONDS));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private interface ResultFilter {
        Object apply(String method, Object result);
    }

    private static Argon2Advanced wrap(Argon2Advanced real, ResultFilter filter) {
        return (Argon2Advanced) Proxy.newProxyInstance(
                PasswordHasherTest.class.getClassLoader(),
                new Class<?>[] {Argon2Advanced.class},
                (proxy, method, args) -> {
                    try {
                        return filter.apply(method.getName(), method.invoke(real, args));
                    } catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }

    private static boolean allZero(char[] chars) {
        for (char c : chars) {
            if (c != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean bouncyCastleVerifies(String password, String phc) {
        String[] parts = phc.split("\\$");
        String[] params = parts[3].split(",");
        java.util.Base64.Decoder b64 = java.util.Base64.getDecoder();
        byte[] expected = b64.decode(parts[5]);
        org.bouncycastle.crypto.params.Argon2Parameters p = new org.bouncycastle.crypto.params.Argon2Parameters.Builder(
                        org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(Integer.parseInt(params[0].substring(2)))
                .withIterations(Integer.parseInt(params[1].substring(2)))
                .withParallelism(Integer.parseInt(params[2].substring(2)))
                .withSalt(b64.decode(parts[4]))
                .build();
        org.bouncycastle.crypto.generators.Argon2BytesGenerator g =
                new org.bouncycastle.crypto.generators.Argon2BytesGenerator();
        g.init(p);
        byte[] actual = new byte[expected.length];
        g.generateBytes(password.getBytes(java.nio.charset.StandardCharsets.UTF_8), actual);
        return java.security.MessageDigest.isEqual(expected, actual);
    }
}
