package vn.gov.eid.bench;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Throughput / latency benchmark of three Argon2id implementations (plain Java main, no JMH).
 *
 * <p>Implementations:
 * <ul>
 *   <li>{@code bc}: BouncyCastle bcprov-jdk18on {@link Argon2BytesGenerator} (pure Java; what Keycloak uses),</li>
 *   <li>{@code password4j}: com.password4j {@link Argon2Function} (pure Java),</li>
 *   <li>{@code argon2-jvm}: de.mkammerer argon2-jvm, the reference C libargon2 called through JNA.</li>
 * </ul>
 *
 * <p>Every hash uses a fresh 16-byte salt and produces a 32-byte tag (Argon2id, version 0x13 = 19).
 * Before any timing the program checks that the three implementations produce the same raw tag and the
 * same PHC string for the same input, and that each verifies the PHC strings of the others.
 *
 * <p>Usage: {@code java -jar target/benchmarks.jar [--threads 1,2] [--iterations 100] [--warmup 10]
 * [--rounds 3] [--impl bc,password4j,argon2-jvm] [--params keycloak,owasp] [--check-only]}.
 * {@code --iterations} and {@code --warmup} are per thread and per measurement.
 */
public final class Argon2Bench {

    static final int SALT_LEN = 16;
    static final int HASH_LEN = 32;

    /** Argon2id cost parameters; memory in KiB. */
    record Params(String name, int t, int mKiB, int p) {
        @Override
        public String toString() {
            return name + " (t=" + t + ", m=" + mKiB + " KiB, p=" + p + ")";
        }
    }

    static final Map<String, Params> PARAMS = new LinkedHashMap<>();

    static {
        // Keycloak default outside FIPS mode.
        PARAMS.put("keycloak", new Params("keycloak", 5, 7168, 1));
        // OWASP Password Storage Cheat Sheet, first Argon2id option (19 MiB, t=2, p=1).
        PARAMS.put("owasp", new Params("owasp", 2, 19456, 1));
    }

    /** One way of computing an Argon2id tag. Implementations must be safe for concurrent use. */
    interface Hasher {
        byte[] raw(Params ps, byte[] password, byte[] salt);
    }

    static final class BouncyCastleHasher implements Hasher {
        @Override
        public byte[] raw(Params ps, byte[] password, byte[] salt) {
            Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withIterations(ps.t())
                    .withMemoryAsKB(ps.mKiB())
                    .withParallelism(ps.p())
                    .withSalt(salt)
                    .build();
            // A new generator per hash, as a service would do (the generator is not thread-safe).
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] out = new byte[HASH_LEN];
            generator.generateBytes(password, out);
            return out;
        }
    }

    static final class Password4jHasher implements Hasher {
        @Override
        public byte[] raw(Params ps, byte[] password, byte[] salt) {
            // getInstance(memory KiB, iterations, parallelism, output length, type, version); instances are cached.
            Argon2Function f = Argon2Function.getInstance(
                    ps.mKiB(), ps.t(), ps.p(), HASH_LEN, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
            return f.hash(password, salt).getBytes();
        }
    }

    static final class Argon2JvmHasher implements Hasher {
        private final Argon2Advanced argon2 =
                Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id, SALT_LEN, HASH_LEN);

        @Override
        public byte[] raw(Params ps, byte[] password, byte[] salt) {
            return argon2.rawHash(ps.t(), ps.mKiB(), ps.p(), password, salt);
        }
    }

    static Hasher hasher(String impl) {
        return switch (impl) {
            case "bc" -> new BouncyCastleHasher();
            case "password4j" -> new Password4jHasher();
            case "argon2-jvm" -> new Argon2JvmHasher();
            default -> throw new IllegalArgumentException("unknown implementation " + impl);
        };
    }

    // ------------------------------------------------------------------------------------------------
    // Interoperability checks

    static String phc(Params ps, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + ps.mKiB() + ",t=" + ps.t() + ",p=" + ps.p() + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(hash);
    }

    /** Returns true when all checks pass. */
    static boolean interop(List<Params> paramsList) {
        boolean ok = true;
        HexFormat hex = HexFormat.of();

        // 1. Known-answer test: RFC 9106 section 5.3 (Argon2id, t=3, m=32 KiB, p=4, with secret and
        // associated data). password4j has no associated-data parameter, so only BC and libargon2 take part.
        byte[] rfcPassword = filled(32, 0x01);
        byte[] rfcSalt = filled(16, 0x02);
        byte[] rfcSecret = filled(8, 0x03);
        byte[] rfcAd = filled(12, 0x04);
        String rfcTag = "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659";
        Argon2Parameters rfcParams = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withIterations(3)
                .withMemoryAsKB(32)
                .withParallelism(4)
                .withSalt(rfcSalt)
                .withSecret(rfcSecret)
                .withAdditional(rfcAd)
                .build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(rfcParams);
        byte[] bcRfc = new byte[32];
        g.generateBytes(rfcPassword, bcRfc);
        byte[] jvmRfc = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id)
                .rawHashAdvanced(3, 32, 4, rfcPassword, rfcSalt, rfcSecret, rfcAd, 32, Argon2Version.V13);
        ok &= report("RFC 9106 5.3 Argon2id vector, bc", rfcTag.equals(hex.formatHex(bcRfc)));
        ok &= report("RFC 9106 5.3 Argon2id vector, argon2-jvm", rfcTag.equals(hex.formatHex(jvmRfc)));

        // 2. Same input -> same tag and same PHC string, and cross-verification of the PHC strings.
        String password = "Mật khẩu!1_Ab"; // non-ASCII on purpose: all must hash the UTF-8 bytes
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] salt = new byte[SALT_LEN];
        new SplittableRandom(42).nextBytes(salt);
        Argon2Advanced jvm = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id, SALT_LEN, HASH_LEN);
        for (Params ps : paramsList) {
            System.out.println("-- " + ps);
            byte[] bc = hasher("bc").raw(ps, pw, salt);
            byte[] p4j = hasher("password4j").raw(ps, pw, salt);
            byte[] native_ = hasher("argon2-jvm").raw(ps, pw, salt);
            System.out.println("   bc         " + hex.formatHex(bc));
            System.out.println("   password4j " + hex.formatHex(p4j));
            System.out.println("   argon2-jvm " + hex.formatHex(native_));
            ok &= report("raw tags identical", Arrays.equals(bc, p4j) && Arrays.equals(bc, native_));

            String bcPhc = phc(ps, salt, bc); // BC has no encoder: encoded here
            Argon2Function f = Argon2Function.getInstance(
                    ps.mKiB(), ps.t(), ps.p(), HASH_LEN, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
            String p4jPhc = f.hash(pw, salt).getResult();
            String jvmPhc = jvm.hashAdvanced(ps.t(), ps.mKiB(), ps.p(), pw, salt, HASH_LEN, Argon2Version.V13)
                    .getEncoded();
            System.out.println("   PHC (bc, encoded here) " + bcPhc);
            System.out.println("   PHC (password4j)       " + p4jPhc);
            System.out.println("   PHC (argon2-jvm)       " + jvmPhc);
            ok &= report("PHC strings identical", bcPhc.equals(p4jPhc) && bcPhc.equals(jvmPhc));
            ok &= report("argon2-jvm verifies password4j PHC", jvm.verify(p4jPhc, password.toCharArray()));
            ok &= report(
                    "password4j verifies argon2-jvm PHC",
                    Argon2Function.getInstanceFromHash(jvmPhc).check(password, jvmPhc));
            ok &= report(
                    "wrong password rejected (argon2-jvm, password4j)",
                    !jvm.verify(p4jPhc, "Mat khau!1_Ab".toCharArray())
                            && !Argon2Function.getInstanceFromHash(jvmPhc).check("Mat khau!1_Ab", jvmPhc));
        }
        return ok;
    }

    static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    static boolean report(String what, boolean ok) {
        System.out.println("   [" + (ok ? " OK " : "FAIL") + "] " + what);
        return ok;
    }

    // ------------------------------------------------------------------------------------------------
    // Timing

    record Result(
            String impl, Params ps, int threads, int hashes, double wallMs, double meanLatencyMs, double cpuMsPerHash) {
        double hashesPerSecond() {
            return hashes * 1000.0 / wallMs;
        }
    }

    static volatile int sink; // keeps results observable

    static Result measure(
            String impl, Hasher h, Params ps, int threads, int iterations, int warmup, ExecutorService pool)
            throws Exception {
        // Inputs are prepared outside the timed section: random 16-byte salt and 12-byte password per hash.
        byte[][][] salts = new byte[threads][iterations + warmup][SALT_LEN];
        byte[][][] pws = new byte[threads][iterations + warmup][12];
        SplittableRandom rnd = new SplittableRandom(System.nanoTime());
        for (int i = 0; i < threads; i++) {
            for (int j = 0; j < iterations + warmup; j++) {
                rnd.nextBytes(salts[i][j]);
                rnd.nextBytes(pws[i][j]);
            }
        }
        CountDownLatch warmedUp = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            final int ti = i;
            futures.add(pool.submit(() -> {
                int acc = 0;
                for (int j = 0; j < warmup; j++) {
                    acc += h.raw(ps, pws[ti][j], salts[ti][j])[0];
                }
                warmedUp.countDown();
                start.await();
                long t0 = System.nanoTime();
                for (int j = warmup; j < warmup + iterations; j++) {
                    acc += h.raw(ps, pws[ti][j], salts[ti][j])[0];
                }
                long elapsed = System.nanoTime() - t0;
                sink += acc;
                return elapsed;
            }));
        }
        warmedUp.await();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long w0 = System.nanoTime();
        start.countDown();
        double latencySum = 0;
        for (Future<Long> f : futures) {
            latencySum += f.get() / 1e6 / iterations;
        }
        long wall = System.nanoTime() - w0;
        long cpu = os.getProcessCpuTime() - cpu0;
        int hashes = threads * iterations;
        return new Result(impl, ps, threads, hashes, wall / 1e6, latencySum / threads, cpu / 1e6 / hashes);
    }

    static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    // ------------------------------------------------------------------------------------------------

    public static void main(String[] args) throws Exception {
        List<Integer> threadCounts = List.of(1, 2);
        int iterations = 100;
        int warmup = 10;
        int rounds = 3;
        List<String> impls = List.of("bc", "password4j", "argon2-jvm");
        List<String> paramNames = List.of("keycloak", "owasp");
        boolean checkOnly = false;
        boolean fork = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--threads" ->
                    threadCounts = Arrays.stream(args[++i].split(","))
                            .map(Integer::parseInt)
                            .toList();
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--impl" -> impls = List.of(args[++i].split(","));
                case "--params" -> paramNames = List.of(args[++i].split(","));
                case "--check-only" -> checkOnly = true;
                case "--no-fork" -> fork = false;
                case "--child" -> {
                    // internal: one implementation and one parameter set, in a fresh JVM
                    fork = false;
                    childMode = true;
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        List<Params> paramsList = paramNames.stream()
                .map(n -> {
                    Params p = PARAMS.get(n);
                    if (p == null) {
                        throw new IllegalArgumentException("unknown params " + n + ", known: " + PARAMS.keySet());
                    }
                    return p;
                })
                .toList();
        impls.forEach(Argon2Bench::hasher); // fail fast on unknown names (also loads libargon2 if requested)

        List<Result> results = new ArrayList<>();
        if (childMode) {
            results.addAll(runInProcess(impls, paramsList, threadCounts, iterations, warmup, 1, 0));
            for (Result r : results) {
                System.out.printf(
                        Locale.ROOT,
                        "RESULT %s %s %d %d %.4f %.4f %.4f%n",
                        r.impl(),
                        r.ps().name(),
                        r.threads(),
                        r.hashes(),
                        r.wallMs(),
                        r.meanLatencyMs(),
                        r.cpuMsPerHash());
            }
            return;
        }

        Runtime rt = Runtime.getRuntime();
        System.out.printf(
                Locale.ROOT,
                "Java %s (%s), %s %s, available processors %d, max heap %d MiB, JVM args %s%n",
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                rt.availableProcessors(),
                rt.maxMemory() >> 20,
                ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.printf(
                Locale.ROOT,
                "load average before start: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        System.out.println("== Interoperability");
        boolean ok = interop(paramsList);
        System.out.println("   libargon2 mapped into this process: " + loadedArgon2Libraries());
        if (!ok) {
            System.out.println("INTEROPERABILITY CHECK FAILED");
            System.exit(1);
        }
        if (checkOnly) {
            return;
        }

        System.out.printf(
                Locale.ROOT,
                "== Timed: %d round(s); %s; per measurement and thread %d warm-up + %d timed"
                        + " hashes, after a single-thread JIT warm-up of %d hashes%n",
                rounds,
                fork
                        ? "each (round, parameters, implementation) in a fresh JVM with the same JVM options"
                        : "all in this JVM (--no-fork: JIT profiles of the implementations interfere)",
                warmup,
                iterations,
                3 * warmup);
        for (int r = 1; r <= rounds; r++) {
            for (Params ps : paramsList) {
                for (String impl : impls) {
                    List<Result> rs = fork
                            ? runForked(impl, ps, threadCounts, iterations, warmup)
                            : runInProcess(
                                    List.of(impl),
                                    List.of(ps),
                                    threadCounts,
                                    iterations,
                                    warmup,
                                    1,
                                    r == 1 ? 3 * warmup : 0);
                    for (Result res : rs) {
                        results.add(res);
                        System.out.printf(
                                Locale.ROOT,
                                "round %d  %-8s %-10s threads=%d  %7.1f hashes/s  %6.2f ms/hash  %6.2f CPU ms/hash%n",
                                r,
                                ps.name(),
                                impl,
                                res.threads(),
                                res.hashesPerSecond(),
                                res.meanLatencyMs(),
                                res.cpuMsPerHash());
                    }
                }
            }
        }

        System.out.println();
        System.out.printf(
                Locale.ROOT,
                "Summary over %d round(s): median (best). hashes/s = total throughput of all"
                        + " threads; ms/hash = mean wall time of one hash on one thread; CPU ms/hash = process CPU time"
                        + " (all threads incl. GC and JIT) / hashes.%n",
                rounds);
        System.out.println();
        System.out.println(
                "| parameters | implementation | threads | hashes/s median (max) | ms/hash median (min) | CPU ms/hash median (min) |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        Map<String, List<Result>> grouped = results.stream()
                .collect(Collectors.groupingBy(
                        x -> x.ps().name() + "|" + x.impl() + "|" + x.threads(),
                        LinkedHashMap::new,
                        Collectors.toList()));
        for (List<Result> g : grouped.values()) {
            Result first = g.get(0);
            List<Double> hps = g.stream().map(Result::hashesPerSecond).toList();
            List<Double> lat = g.stream().map(Result::meanLatencyMs).toList();
            List<Double> cpu = g.stream().map(Result::cpuMsPerHash).toList();
            System.out.printf(
                    Locale.ROOT,
                    "| %s t=%d m=%d p=%d | %s | %d | %.1f (%.1f) | %.2f (%.2f) | %.2f (%.2f) |%n",
                    first.ps().name(),
                    first.ps().t(),
                    first.ps().mKiB(),
                    first.ps().p(),
                    first.impl(),
                    first.threads(),
                    median(hps),
                    hps.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                    median(lat),
                    lat.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    median(cpu),
                    cpu.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
        }
        System.out.printf(
                Locale.ROOT,
                "load average at end: %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static final String USAGE = "java -jar target/benchmarks.jar [--threads 1,2] [--iterations 100] [--warmup 10]"
            + " [--rounds 3] [--impl bc,password4j,argon2-jvm] [--params keycloak,owasp] [--check-only] [--no-fork]";

    static boolean childMode;

    /** Runs the measurements in this JVM. {@code initialWarmup} single-thread hashes first, per impl and params. */
    static List<Result> runInProcess(
            List<String> impls,
            List<Params> paramsList,
            List<Integer> threadCounts,
            int iterations,
            int warmup,
            int rounds,
            int initialWarmup)
            throws Exception {
        int maxThreads = threadCounts.stream().mapToInt(Integer::intValue).max().orElse(1);
        ExecutorService pool = Executors.newFixedThreadPool(maxThreads);
        try {
            Map<String, Hasher> hashers = new LinkedHashMap<>();
            impls.forEach(i -> hashers.put(i, hasher(i)));
            int jit = childMode ? 3 * warmup : initialWarmup;
            if (jit > 0) {
                for (Params ps : paramsList) {
                    for (String impl : impls) {
                        measure(impl, hashers.get(impl), ps, 1, jit, 0, pool);
                    }
                }
            }
            List<Result> results = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                for (Params ps : paramsList) {
                    for (String impl : impls) {
                        for (int threads : threadCounts) {
                            results.add(measure(impl, hashers.get(impl), ps, threads, iterations, warmup, pool));
                        }
                    }
                }
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Runs one implementation with one parameter set in a fresh JVM (same java binary, class path and JVM
     * options as this one), so that the JIT profile of one implementation cannot slow down another.
     */
    static List<Result> runForked(String impl, Params ps, List<Integer> threadCounts, int iterations, int warmup)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                Argon2Bench.class.getName(),
                "--child",
                "--impl",
                impl,
                "--params",
                ps.name(),
                "--threads",
                threadCounts.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "--iterations",
                String.valueOf(iterations),
                "--warmup",
                String.valueOf(warmup)));
        Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        int rc = proc.waitFor();
        List<Result> out = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("RESULT ")) {
                String[] f = l.split(" ");
                out.add(new Result(
                        f[1],
                        PARAMS.get(f[2]),
                        Integer.parseInt(f[3]),
                        Integer.parseInt(f[4]),
                        Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]),
                        Double.parseDouble(f[7])));
            } else {
                System.out.println("   [child] " + l);
            }
        }
        if (rc != 0 || out.size() != threadCounts.size()) {
            throw new IllegalStateException("child JVM failed (exit " + rc + "): " + cmd);
        }
        return out;
    }

    /**
     * Which libargon2 file JNA mapped into the process (Linux only): a system library such as
     * /usr/lib/x86_64-linux-gnu/libargon2.so.1, or the copy bundled in argon2-jvm.jar, which JNA extracts to a
     * temporary file jna*.tmp and deletes after loading. A mapping counts when its path contains "argon2", or when
     * its content (read through /proc/self/map_files) exports argon2id_hash_raw.
     */
    static String loadedArgon2Libraries() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return "(unknown: /proc/self/maps not readable)";
        }
        try {
            Map<String, String> fileToRange = new LinkedHashMap<>();
            for (String line : Files.readAllLines(maps)) {
                String[] f = line.trim().split("\\s+", 6); // range perms offset dev inode path
                if (f.length == 6 && f[5].startsWith("/")) {
                    fileToRange.putIfAbsent(f[5], f[0]);
                }
            }
            List<String> libs = new ArrayList<>();
            fileToRange.forEach((file, range) -> {
                if (file.contains("argon2")) {
                    libs.add(file);
                } else if (file.contains("jna") && containsArgon2Symbol(Path.of("/proc/self/map_files", range))) {
                    libs.add(file + " = copy bundled in argon2-jvm.jar, extracted by JNA");
                }
            });
            return libs.isEmpty() ? "(none found)" : String.join(", ", libs);
        } catch (IOException e) {
            return "(unknown: " + e + ")";
        }
    }

    static boolean containsArgon2Symbol(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains("argon2id_hash_raw");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
