package vn.gov.eid.identity.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.gov.eid.identity.service.PasswordHasher;
import vn.gov.eid.infra.DevKeys;
import vn.gov.eid.infra.LocalKafka;
import vn.gov.eid.infra.LocalPostgres;
import vn.gov.eid.platform.crypto.Sealing;

/**
 * Benchmark, not a test: the Argon2id hash time of PasswordHasher, and the password logins per second and accounts
 * created per second (completed-dossier events in, accounts out) of the packaged identity-service (prod mode, as a
 * separate process) against real PostgreSQL and Kafka.
 * Usage (after packaging): see the module README, section Benchmark.
 */
public final class LoginBenchmark {

    private LoginBenchmark() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int dossiers = args.length > 2 ? Integer.parseInt(args[2]) : 600;
        hashes();
        service(threads, seconds, dossiers);
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
        System.out.printf(
                "argon2id t=5 m=7168 p=1 (%s): median %.1f ms, p95 %.1f ms per hash, 1 thread%n",
                hasher.nativeLibrary(), times.get(50) / 1e6, times.get(95) / 1e6);
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

    private static void service(int threads, int seconds, int dossiers) throws Exception {
        // -Dbench.jar=... measures another build of the service (e.g. an older one, for a before/after comparison)
        Path jar = Path.of(System.getProperty("bench.jar", "identity-service/target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("package identity-service first: " + jar.toAbsolutePath() + " is missing");
        }
        try (LocalPostgres pg = LocalPostgres.start(0, null);
                LocalKafka kafka = LocalKafka.start()) {
            pg.createDatabase("identity_bench");
            Path keyDir = Files.createTempDirectory("eid-bench-keys");
            DevKeys.Pairs pairs = DevKeys.generate();
            Map<String, String> keys = DevKeys.write(pairs, keyDir);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Map<String, String> env = new HashMap<>(keys);
            // its own event signing key only
            env.keySet().removeIf(k -> k.endsWith("_EVENTS_SIGNING_KEY") && !k.startsWith("IDENTITY_"));
            env.put("EID_DATA_KEYS", "bench-1:" + DevKeys.randomDataKey());
            env.put("IDENTITY_RECOVERY_CODE_KEY", DevKeys.randomDataKey());
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
            // All load comes from one address: lift the login limits for the measurement.
            env.put("EID_IDENTITY_LOGIN_ADDRESS_FAILURES", "100000000");
            env.put("EID_IDENTITY_LOGIN_GLOBAL_PER_SECOND", "100000000");
            List<String> command = new ArrayList<>(List.of("java", "-Xmx256m"));
            // e.g. -Dbench.service-jvm-args="-Djna.nosys=true -Djna.platform.library.path=/nonexistent" (bundled
            // libargon2)
            String extra = System.getProperty("bench.service-jvm-args", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(
                            Path.of("identity-service/target/bench-service.log").toFile());
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process service = pb.start();
            try {
                HttpClient http = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                URI ready = URI.create("http://localhost:" + port + "/q/health/ready");
                while (true) {
                    if (!service.isAlive()) {
                        throw new IllegalStateException(
                                "identity-service exited; see identity-service/target/bench-service.log");
                    }
                    try {
                        if (http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200) {
                            break;
                        }
                    } catch (java.io.IOException notYet) {
                        // not listening yet
                    }
                    Thread.sleep(200);
                }
                System.out.printf("identity-service (prod mode) ready in %.1f s%n", (System.nanoTime() - start) / 1e9);
                Files.readAllLines(Path.of("identity-service/target/bench-service.log")).stream()
                        .filter(l -> l.contains("known-answer tests passed"))
                        .forEach(l -> System.out.println("  service: " + l.trim()));
                URI token = URI.create("http://localhost:" + port + "/api/v1/auth/token");
                HttpRequest login = HttpRequest.newBuilder(token)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "grant_type=password&username=bench1&password=Bench_pass_2026"))
                        .build();
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
                                int status = http.send(login, HttpResponse.BodyHandlers.discarding())
                                        .statusCode();
                                (status == 200 ? ok : failed).incrementAndGet();
                            } catch (Exception e) {
                                failed.incrementAndGet();
                            }
                            latencies.add(System.nanoTime() - s);
                        }
                        return null;
                    });
                }
                long cpu0 = cpuMillis(service.pid());
                pool.shutdown();
                pool.awaitTermination(seconds + 30L, java.util.concurrent.TimeUnit.SECONDS);
                double elapsed = (System.nanoTime() - t0) / 1e9;
                long loginCpu = cpuMillis(service.pid()) - cpu0;
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                System.out.printf(
                        "password logins: %.1f/s with %d client threads over %.0f s (%d ok, %d failed), "
                                + "latency p50 %.0f ms, p95 %.0f ms%n",
                        ok.get() / elapsed,
                        threads,
                        elapsed,
                        ok.get(),
                        failed.get(),
                        sorted.get(sorted.size() / 2) / 1e6,
                        sorted.get(sorted.size() * 95 / 100) / 1e6);
                System.out.printf("  service CPU %.1f ms per login%n", (double) loginCpu / Math.max(1, ok.get()));
                accounts(pg, kafka, pairs, service.pid(), dossiers);
                String rss = Files.readAllLines(Path.of("/proc/" + service.pid() + "/status")).stream()
                        .filter(l -> l.startsWith("VmRSS"))
                        .findFirst()
                        .orElse("VmRSS: ?");
                System.out.println("identity-service " + rss.replaceAll("\\s+", " "));
            } finally {
                service.destroy();
                service.waitFor();
            }
        }
    }

    /**
     * Puts completed-dossier events (each with an e-ID registration, so each makes an account with a temporary
     * password: one Argon2id hash, one sealed SMS request, two outbox events) on dossier.events.v1 and measures how
     * fast the service turns them into accounts.
     */
    private static void accounts(LocalPostgres pg, LocalKafka kafka, DevKeys.Pairs pairs, long pid, int dossiers)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String[]> events = new ArrayList<>();
        for (int i = 0; i < dossiers; i++) {
            String personalId = String.format("079203%06d", i);
            String phone = String.format("+8491%07d", i);
            Map<String, Object> contact = new LinkedHashMap<>();
            contact.put("phoneNumber", phone);
            contact.put("email", null);
            String dossierId = UUID.randomUUID().toString();
            contact.put("personalIdNumber", personalId);
            contact.put("dossierId", dossierId);
            Map<String, Object> reg = new LinkedHashMap<>();
            reg.put("phoneMasked", "+84******" + phone.substring(phone.length() - 3));
            reg.put("sealedContact", Sealing.seal(contact, pairs.contact().getPublic()));
            reg.put("dependents", List.of());
            reg.put("integratedDocuments", List.of());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("dossierId", dossierId);
            d.put("dossierType", "ISSUE");
            d.put("personalIdNumber", personalId);
            d.put("fullName", "Nguyễn Văn Bench");
            d.put("dateOfBirth", "2003-05-14");
            d.put("sex", "MALE");
            d.put("completedAt", "2026-11-28T10:00:00Z");
            d.put("eidRegistration", reg);
            events.add(new String[] {personalId, json.writeValueAsString(d)});
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        String jdbc = pg.jdbcUrl("identity_bench");
        try (Connection db = DriverManager.getConnection(jdbc, LocalPostgres.USER, LocalPostgres.PASSWORD);
                KafkaProducer<String, String> producer =
                        new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            var signer = new vn.gov.eid.platform.signing.EventSigner(
                    pairs.dossierEvents().getPrivate(), pairs.dossierEvents().getPublic());
            long cpu0 = cpuMillis(pid);
            long t0 = System.nanoTime();
            for (String[] e : events) {
                ProducerRecord<String, String> r = new ProducerRecord<>("dossier.events.v1", e[0], e[1]);
                r.headers().add("ce_specversion", "1.0".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                r.headers()
                        .add("ce_id", UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                r.headers().add("ce_source", "/eid/dossier-service".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                r.headers()
                        .add(
                                "ce_type",
                                "vn.gov.eid.dossier.completed.v1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                r.headers().add("content-type", "application/json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                // as dossier-service publishes them: signed with its event key (identity accepts nothing else)
                vn.gov.eid.platform.signing.KafkaRecordSignatures.sign(signer, r);
                producer.send(r);
            }
            producer.flush();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            int count = 0;
            while (count < dossiers && System.nanoTime() < deadline) {
                Thread.sleep(100);
                try (ResultSet rs = db.createStatement().executeQuery("select count(*) from citizen_account")) {
                    rs.next();
                    count = rs.getInt(1);
                }
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long cpu = cpuMillis(pid) - cpu0;
            System.out.printf(
                    "accounts from completed dossiers: %.1f/s (%d of %d in %.1f s), service CPU %.1f ms per account%n",
                    count / elapsed, count, dossiers, elapsed, (double) cpu / Math.max(1, count));
        }
    }

    /** User + system CPU time of a process so far (Linux /proc, clock ticks of 10 ms). */
    private static long cpuMillis(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }
}
