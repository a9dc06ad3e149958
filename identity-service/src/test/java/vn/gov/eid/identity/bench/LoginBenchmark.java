package vn.gov.eid.identity.bench;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import vn.gov.eid.identity.service.PasswordHasher;
import vn.gov.eid.infra.DevKeys;
import vn.gov.eid.infra.LocalKafka;
import vn.gov.eid.infra.LocalPostgres;

/**
 * Benchmark, not a test: the Argon2id hash time of PasswordHasher and the password logins per second of the
 * packaged identity-service (prod mode, as a separate process) against real PostgreSQL and Kafka.
 * Usage (after packaging): see the module README, section Benchmark.
 */
public final class LoginBenchmark {

    private LoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        hashes();
        logins(threads, seconds);
    }

    private static void hashes() throws Exception {
        PasswordHasher hasher = new PasswordHasher(5, 7168, 1);
        for (int i = 0; i < 20; i++) {
            hasher.hash("Warm_up_" + i);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long t0 = System.nanoTime();
            hasher.hash("Bench_pass_" + i);
            times.add(System.nanoTime() - t0);
        }
        Collections.sort(times);
        System.out.printf("argon2id t=5 m=7168 p=1 (BouncyCastle): median %.1f ms, p95 %.1f ms per hash, 1 thread%n",
                times.get(50) / 1e6, times.get(95) / 1e6);
        int cores = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(cores);
        long t0 = System.nanoTime();
        List<Future<?>> jobs = new ArrayList<>();
        for (int i = 0; i < cores * 50; i++) {
            int n = i;
            jobs.add(pool.submit(() -> hasher.hash("Bench_pass_" + n)));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        System.out.printf("argon2id: %.1f hashes/s on %d threads%n", cores * 50 / elapsed, cores);
    }

    private static void logins(int threads, int seconds) throws Exception {
        Path jar = Path.of("identity-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package identity-service first: " + jar.toAbsolutePath() + " is missing");
        }
        try (LocalPostgres pg = LocalPostgres.start(0, null); LocalKafka kafka = LocalKafka.start()) {
            pg.createDatabase("identity_bench");
            Path keyDir = Files.createTempDirectory("eid-bench-keys");
            Map<String, String> keys = DevKeys.write(DevKeys.generate(), keyDir);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", pg.jdbcUrl("identity_bench"));
            env.put("QUARKUS_DATASOURCE_USERNAME", LocalPostgres.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", LocalPostgres.PASSWORD);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("IDENTITY_SIGNING_KEY_LOCATION", keys.get("IDENTITY_SIGNING_KEY_LOCATION"));
            env.put("SMS_JWE_PUBLIC_KEY_LOCATION", keys.get("SMS_JWE_PUBLIC_KEY_LOCATION"));
            env.put("IDENTITY_CONTACT_PRIVATE_KEY_LOCATION", keys.get("IDENTITY_CONTACT_PRIVATE_KEY_LOCATION"));
            env.put("IDENTITY_JWKS_URL", "http://localhost:" + port + "/.well-known/jwks.json");
            env.put("IDENTITY_BOOTSTRAP_USERS", "bench1:officer:Bench_pass_2026");
            // All load comes from one address: lift the per-address limit for the measurement.
            env.put("EID_IDENTITY_RATE_LIMIT_REQUESTS_PER_MINUTE", "100000000");
            ProcessBuilder pb = new ProcessBuilder("java", "-Xmx256m", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(Path.of("identity-service/target/bench-service.log").toFile());
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process service = pb.start();
            try {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                URI ready = URI.create("http://localhost:" + port + "/q/health/ready");
                while (true) {
                    if (!service.isAlive()) {
                        throw new IllegalStateException("identity-service exited; see identity-service/target/bench-service.log");
                    }
                    try {
                        if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            break;
                        }
                    } catch (java.io.IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(200);
                }
                System.out.printf("identity-service (prod mode) ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
                URI token = URI.create("http://localhost:" + port + "/api/v1/auth/token");
                HttpRequest login = HttpRequest.newBuilder(token).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=bench1&password=Bench_pass_2026")).build();
                for (int i = 0; i < 30; i++) {
                    http.send(login, HttpResponse.BodyHandlers.discarding());
                }
                AtomicInteger ok = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
                long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                long t0 = System.nanoTime();
                for (int i = 0; i < threads; i++) {
                    pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            long s = System.nanoTime();
                            try {
                                int status = http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode();
                                (status == 200 ? ok : failed).incrementAndGet();
                            } catch (Exception e) {
                                failed.incrementAndGet();
                            }
                            latencies.add(System.nanoTime() - s);
                        }
                        return null;
                    });
                }
                pool.shutdown();
                pool.awaitTermination(seconds + 30L, java.util.concurrent.TimeUnit.SECONDS);
                double elapsed = (System.nanoTime() - t0) / 1e9;
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                System.out.printf("password logins: %.1f/s with %d client threads over %.0f s (%d ok, %d failed), "
                                + "latency p50 %.0f ms, p95 %.0f ms%n", ok.get() / elapsed, threads, elapsed, ok.get(), failed.get(),
                        sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 95 / 100) / 1e6);
                String rss = Files.readAllLines(Path.of("/proc/" + service.pid() + "/status")).stream()
                        .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?");
                System.out.println("identity-service " + rss.replaceAll("\\s+", " "));
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }
}
