package vn.gov.eid.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import vn.gov.eid.bench.PipelineApi.Citizen;
import vn.gov.eid.localrun.LocalSystem;
import vn.gov.eid.localrun.LocalSystem.Service;
import vn.gov.eid.smsc.ReceivedSms;

/**
 * The whole pipeline measured in one run (issue 11): the packaged services as processes (production JVM settings) on
 * PostgreSQL, a Kafka broker and the SMSC simulator, started by {@link LocalSystem}; the load comes from this process.
 * Every rate is given next to the Argon2id bound measured in the same run, before and after the load, because these
 * machines drift 2-3x within minutes: compare ratios, not absolute numbers.
 *
 * <p>Phases: time to ready and memory; the Argon2id bound; password logins at a fixed concurrency; accounts from
 * completed-dossier events (identity-service alone, on a backlog of real events); accounts end to end (COMPLETE over
 * HTTP to the SMS accepted by the SMSC, a burst); the end-to-end latency at half of that rate (open loop); dossier intake
 * at rising rates, the highest with p99 at most 50 ms; the bound again. Output: JSON, a markdown table and an SVG
 * latency chart in the output folder.
 */
public final class PipelineBench {

    static final String USAGE = """
            java -cp benchmarks/target/benchmarks.jar vn.gov.eid.bench.PipelineBench [options]
              --accounts N          citizens per provisioning phase (default 300)
              --warm-up N           citizens through the whole pipeline before anything is measured, and accounts
                                    from the same backlog before the measured ones after a restart (default 150)
              --login-seconds S     length of the login phase (default 30)
              --concurrency C       concurrent logins (default 16)
              --latency-seconds S   length of the latency phase (default 30)
              --intake-rates LIST   dossier submissions per second to try, rising (default 25,50,100,200,400)
              --intake-seconds S    length of each intake step (default 10)
              --out DIR             results folder (default benchmarks/results/pipeline)
              --repo DIR            project folder with the built services (default .)
              --java-options OPTS   JVM options of the services (default -XX:+UseG1GC)
              --keycloak-java DIR   also measure Keycloak (its Maven Central distribution, which needs Java 21+
                                    from this JDK folder) on the same PostgreSQL, interleaved, as ratios
              --keycloak-version V  the distribution's version (default 26.5.6), read from the local Maven repository
              --keycloak-zip FILE   or the distribution's zip itself
              --jfr DIR             record each phase's services with Java Flight Recorder (profile settings)
                                    into DIR/<phase>-<service>.jfr""";

    private static final Pattern ARGON2_LINE = Pattern.compile("Argon2id t=(\\d+) m=(\\d+) KiB p=(\\d+)");
    private static final int LOGIN_USERS = 200;
    private static final String LOGIN_PASSWORD = "Bench@%04d";
    private static final long P99_TARGET_MICROS = 50_000;

    private final Map<String, String> options;
    private final Path repo;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private LocalSystem system;
    private PipelineApi api;
    private long postmaster;
    private final AtomicInteger nextCitizen = new AtomicInteger(1);
    private Histogram chart;
    private KeycloakRun keycloak;
    private String keycloakVersion;
    private final List<String[]> comparisons = new ArrayList<>();
    private Path out;
    private String chartTitle;

    private PipelineBench(Map<String, String> options) {
        this.options = options;
        this.repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println(USAGE);
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        new PipelineBench(options).run();
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }

    private void run() throws Exception {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        out = Path.of(options.getOrDefault(
                        "out", repo.resolve("benchmarks/results/pipeline").toString()))
                .resolve(stamp);
        Files.createDirectories(out);
        results.put("startedAt", Instant.now().toString());
        results.put(
                "machine",
                Map.of(
                        "cores", Runtime.getRuntime().availableProcessors(),
                        "java", System.getProperty("java.version")));
        StringBuilder users = new StringBuilder(LocalSystem.DEV_USERS);
        for (int i = 1; i <= LOGIN_USERS; i++) {
            users.append(",bench").append(i).append(":officer:").append(LOGIN_PASSWORD.formatted(i));
        }
        long t0 = System.nanoTime();
        system = LocalSystem.start(new LocalSystem.Options(
                repo,
                out.resolve("system"),
                false,
                Map.of(
                        "EID_JAVA_OPTIONS",
                        options.getOrDefault("java-options", "-XX:+UseG1GC"),
                        "IDENTITY_BOOTSTRAP_USERS",
                        users.toString())));
        try {
            results.put("systemStartSeconds", (System.nanoTime() - t0) / 1e9);
            Map<String, Object> ready = new LinkedHashMap<>();
            for (Service s : Service.values()) {
                ready.put(s.module(), system.timeToReady(s, 1).toMillis() / 1000.0);
            }
            results.put("timeToReadySeconds", ready);
            postmaster = ProcessMeter.postmaster(system.embeddedPostgresPort());
            api = new PipelineApi(
                    system.url(Service.IDENTITY),
                    system.url(Service.DOSSIER),
                    Files.readString(repo.resolve("dossier-service/samples/biometrics.json")),
                    new String[] {"officer1", "Officer@2026"},
                    new String[] {"supervisor1", "Supervisor@2026"});
            Argon2Bench.Params argon2 = serviceArgon2Parameters();
            double boundBefore = argon2Bound(argon2);
            results.put("argon2BoundBefore", boundBefore);

            warmUp();
            startKeycloak(argon2);
            logins();
            double fromEvents = accountsFromEvents();
            if (keycloak != null) {
                keycloakAccounts(fromEvents);
            }
            double e2eRate = accountsEndToEnd();
            latencyAtHalfRate(e2eRate / 2);
            intake();
            results.put("rssMiB", rss());

            double boundAfter = argon2Bound(argon2);
            results.put("argon2BoundAfter", boundAfter);
            results.put("finishedAt", Instant.now().toString());
            Report.write(out, results, table, comparisons, boundBefore, boundAfter, chart, chartTitle);
            System.out.println("results in " + out);
        } finally {
            if (keycloak != null) {
                keycloak.close();
            }
            system.close();
        }
    }

    /** The Argon2id parameters identity-service started with, from its log line. */
    private Argon2Bench.Params serviceArgon2Parameters() throws Exception {
        for (String line : Files.readAllLines(system.log(Service.IDENTITY))) {
            Matcher m = ARGON2_LINE.matcher(line);
            if (m.find()) {
                Argon2Bench.Params p = new Argon2Bench.Params(
                        "identity-service",
                        Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                results.put("argon2Parameters", Map.of("t", p.t(), "mKiB", p.mKiB(), "p", p.p()));
                return p;
            }
        }
        throw new IllegalStateException("identity-service did not log its Argon2id parameters");
    }

    /**
     * Argon2id hashes per second with every core busy: the library and calls identity-service uses (argon2-jvm, the
     * reference libargon2 through JNA), the parameters it logged, fresh salts and passwords, after a warm-up.
     */
    private double argon2Bound(Argon2Bench.Params p) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Argon2Bench.Result r =
                    Argon2Bench.measure("argon2-jvm", new Argon2Bench.Argon2JvmHasher(), p, threads, 100, 5, pool);
            System.out.printf("Argon2id bound: %.1f hashes/s on %d threads%n", r.hashesPerSecond(), threads);
            return r.hashesPerSecond();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A few citizens through the whole pipeline before anything is measured: the services load their keys (dossier-
     * service fetches identity-service's JWKS on its first token) and compile their hot paths.
     */
    private void warmUp() throws Exception {
        List<Citizen> citizens = citizens(intOption("warm-up", 150));
        List<String> ids = approveAll(citizens);
        parallel(citizens.size(), 8, i -> api.complete(citizens.get(i), ids.get(i)));
        awaitSms(citizens, Duration.ofMinutes(5));
    }

    /** One password grant of the n-th benchmark user (1..200). */
    interface LoginCall {
        HttpResponse<String> login(int user) throws Exception;
    }

    /**
     * Password logins of our 200 staff users at a fixed concurrency (closed loop); with --keycloak-java, interleaved
     * with Keycloak's (ours, Keycloak, ours, Keycloak) and reported as ratios.
     */
    private void logins() throws Exception {
        int concurrency = intOption("concurrency", 16);
        LoginCall ours = user -> api.login("bench" + user, LOGIN_PASSWORD.formatted(user));
        for (int i = 1; i <= LOGIN_USERS; i++) {
            ours.login(i); // warm-up: every user once
        }
        long identity = system.pid(Service.IDENTITY, 1);
        if (keycloak == null) {
            Map<String, Object> r = loginPhase("logins", ours, identity);
            results.put("logins", r);
            table.add(new String[] {"password logins/s (concurrency " + concurrency + ")", fmt(rate(r)), "hash"});
            return;
        }
        LoginCall theirs = user -> keycloak.login("bench" + user, LOGIN_PASSWORD.formatted(user));
        for (int i = 1; i <= LOGIN_USERS; i++) {
            theirs.login(i);
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        List<Map<String, Object>> keycloakRuns = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            runs.add(loginPhase("logins", ours, identity));
            keycloakRuns.add(loginPhase("Keycloak logins", theirs, keycloak.javaPid()));
        }
        results.put("logins", runs.get(1));
        results.put("loginRounds", runs);
        results.put("keycloakLoginRounds", keycloakRuns);
        double mean = (rate(runs.get(0)) + rate(runs.get(1))) / 2;
        double keycloakMean = (rate(keycloakRuns.get(0)) + rate(keycloakRuns.get(1))) / 2;
        table.add(new String[] {"password logins/s (concurrency " + concurrency + ", mean of 2)", fmt(mean), "hash"});
        table.add(new String[] {
            "Keycloak " + keycloakVersion + " password logins/s (same, interleaved)", fmt(keycloakMean), "hash"
        });
        comparisons.add(new String[] {"password logins", fmt(mean), fmt(keycloakMean), ratio(mean, keycloakMean)});
    }

    private Map<String, Object> loginPhase(String what, LoginCall call, long pid) throws Exception {
        int concurrency = intOption("concurrency", 16);
        Duration length = Duration.ofSeconds(intOption("login-seconds", 30));
        Profile profile = profile(
                what.replace(' ', '-'),
                what.startsWith("Keycloak") ? new Service[0] : new Service[] {Service.IDENTITY});
        Recorder latencies = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long cpu0 = ProcessMeter.cpuMillis(pid);
        long pg0 = ProcessMeter.postgresCpuMillis(postmaster);
        long end = System.nanoTime() + length.toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int first = w;
            workers.add(pool.submit(() -> {
                int i = first;
                while (System.nanoTime() < end) {
                    int user = i % LOGIN_USERS + 1;
                    i += concurrency;
                    long s = System.nanoTime();
                    HttpResponse<String> r = call.login(user);
                    latencies.recordValue((System.nanoTime() - s) / 1000);
                    (r.statusCode() == 200 ? ok : refused).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        profile.close();
        long cpu = ProcessMeter.cpuMillis(pid) - cpu0;
        long pg = ProcessMeter.postgresCpuMillis(postmaster) - pg0;
        Histogram h = latencies.getIntervalHistogram();
        double rate = ok.get() / seconds;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("concurrency", concurrency);
        r.put("seconds", seconds);
        r.put("succeeded", ok.get());
        r.put("refused", refused.get());
        r.put("perSecond", rate);
        r.put("latencyMs", Report.percentiles(h));
        r.put("cpuMsPerLogin", Map.of("service", per(cpu, ok.get()), "postgres", per(pg, ok.get())));
        System.out.printf(
                "%s: %.1f/s, %d refused, p50 %.0f ms, p99 %.0f ms%n",
                what, rate, refused.get(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0);
        return r;
    }

    /**
     * Keycloak's accounts with a temporary password, created through its admin API at concurrency 16: the nearest
     * thing it has to our accounts from completed dossiers.
     */
    private void keycloakAccounts(double ours) throws Exception {
        int n = intOption("accounts", 300);
        int first = 10_000;
        long pid = keycloak.javaPid();
        long cpu0 = ProcessMeter.cpuMillis(pid);
        long pg0 = ProcessMeter.postgresCpuMillis(postmaster);
        long start = System.nanoTime();
        parallel(n, 16, i -> keycloak.createUser("citizen" + (first + i), "Tmp_" + (first + i) + "x", true));
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = n / seconds;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("accounts", n);
        r.put("seconds", seconds);
        r.put("perSecond", rate);
        r.put(
                "cpuMsPerAccount",
                Map.of(
                        "keycloak", per(ProcessMeter.cpuMillis(pid) - cpu0, n),
                        "postgres", per(ProcessMeter.postgresCpuMillis(postmaster) - pg0, n)));
        results.put("keycloakAccounts", r);
        table.add(new String[] {
            "Keycloak " + keycloakVersion + " accounts/s with a temporary password (admin API, concurrency 16)",
            fmt(rate),
            "hash"
        });
        comparisons.add(new String[] {
            "accounts with a one-time password (ours from events, Keycloak admin API)",
            fmt(ours),
            fmt(rate),
            ratio(ours, rate)
        });
        System.out.printf("Keycloak accounts: %.1f/s (%d in %.1f s)%n", rate, n, seconds);
    }

    /** Starts Keycloak on the benchmark's PostgreSQL (database keycloak) and gives it the 200 login users. */
    private void startKeycloak(Argon2Bench.Params argon2) throws Exception {
        String java = options.get("keycloak-java");
        if (java == null) {
            return;
        }
        keycloakVersion = options.getOrDefault("keycloak-version", "26.5.6");
        Path zip = Path.of(options.getOrDefault(
                "keycloak-zip",
                Path.of(
                                System.getProperty("user.home"),
                                ".m2/repository/org/keycloak/keycloak-quarkus-dist",
                                keycloakVersion,
                                "keycloak-quarkus-dist-" + keycloakVersion + ".zip")
                        .toString()));
        int port = system.embeddedPostgresPort();
        vn.gov.eid.infra.LocalPostgres.createDatabase(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres", "keycloak");
        keycloak = KeycloakRun.start(
                zip,
                out.resolve("keycloak"),
                Path.of(java),
                "jdbc:postgresql://127.0.0.1:" + port + "/keycloak",
                "postgres",
                "postgres",
                argon2.t());
        parallel(LOGIN_USERS, 8, i -> keycloak.createUser("bench" + (i + 1), LOGIN_PASSWORD.formatted(i + 1), false));
        results.put(
                "keycloak",
                Map.of(
                        "version",
                        keycloakVersion,
                        "passwordPolicy",
                        "hashAlgorithm(argon2) and hashIterations(" + argon2.t() + "), Keycloak's default"
                                + " memory 7168 KiB and parallelism 1"));
    }

    private static double rate(Map<String, Object> phase) {
        return (Double) phase.get("perSecond");
    }

    private static String ratio(double ours, double theirs) {
        return theirs > 0 ? String.format("%.2f", ours / theirs) : "-";
    }

    /**
     * Accounts from completed-dossier events: identity-service is stopped while the citizens' dossiers are completed
     * (so their events wait on the topic, as after an outage or a burst), then started; the rate is from its first
     * measured account row to the last SMS request published. The backlog starts with --warm-up citizens whose
     * accounts are not measured: the restarted JVM compiles its hot paths on them (measured on a cold JVM, a third of
     * identity-service's CPU went to the JIT compilers). notification-service is stopped meanwhile, so
     * identity-service has the machine; it delivers the backlog afterwards.
     */
    private double accountsFromEvents() throws Exception {
        int n = intOption("accounts", 300);
        List<Citizen> warm = citizens(intOption("warm-up", 150));
        List<String> warmIds = approveAll(warm);
        List<Citizen> citizens = citizens(n);
        List<String> ids = approveAll(citizens);
        // identity-service is down only while the dossiers are completed: other services verify tokens with its
        // published keys, which they fetch again when their cache (max-age 300 s) runs out
        api.freshTokens();
        system.kill(Service.IDENTITY, 1);
        system.kill(Service.NOTIFICATION, 1);
        // the warm-up part first on every partition (each is consumed in order)
        parallel(warm.size(), 8, i -> api.complete(warm.get(i), warmIds.get(i)));
        awaitDossierEventsPublished();
        parallel(citizens.size(), 8, i -> api.complete(citizens.get(i), ids.get(i)));
        awaitDossierEventsPublished();
        system.restart(Service.IDENTITY, 1);
        awaitAccounts(warm, Duration.ofMinutes(10));
        Profile profile = profile("accounts-from-events", Service.IDENTITY);
        long cpu0 = cpu(Service.IDENTITY);
        long pg0 = ProcessMeter.postgresCpuMillis(postmaster);
        Instant[] span = awaitAccounts(citizens, Duration.ofMinutes(10));
        profile.close();
        long cpu = cpu(Service.IDENTITY) - cpu0;
        long pg = ProcessMeter.postgresCpuMillis(postmaster) - pg0;
        double seconds = Duration.between(span[0], span[1]).toMillis() / 1000.0;
        double rate = (n - 1) / seconds;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("accounts", n);
        r.put("warmUpAccountsBefore", warm.size());
        r.put("firstAccountToLastSmsRequestSeconds", seconds);
        r.put("perSecond", rate);
        r.put("cpuMsPerAccount", Map.of("identity", per(cpu, n), "postgres", per(pg, n)));
        results.put("accountsFromEvents", r);
        table.add(new String[] {"accounts/s from completed-dossier events (identity-service)", fmt(rate), "hash"});
        System.out.printf("accounts from events: %.1f/s (%d in %.1f s)%n", rate, n, seconds);
        system.restart(Service.NOTIFICATION, 1);
        awaitSms(warm, Duration.ofMinutes(10));
        awaitSms(citizens, Duration.ofMinutes(10));
        return rate;
    }

    /**
     * Accounts end to end: the citizens' dossiers are approved first, then all completed at once (16 at a time); the
     * rate is from the first COMPLETE sent to the last credential SMS the SMSC accepted. Returns the rate.
     */
    private double accountsEndToEnd() throws Exception {
        int n = intOption("accounts", 300);
        List<Citizen> citizens = citizens(n);
        List<String> ids = approveAll(citizens);
        Map<String, Long> answered = new java.util.concurrent.ConcurrentHashMap<>();
        long cpuIdentity0 = cpu(Service.IDENTITY);
        long cpuDossier0 = cpu(Service.DOSSIER);
        long cpuNotification0 = cpu(Service.NOTIFICATION);
        long pg0 = ProcessMeter.postgresCpuMillis(postmaster);
        Profile profile = profile("accounts-end-to-end", Service.values());
        Instant start = Instant.now();
        parallel(n, 16, i -> {
            api.complete(citizens.get(i), ids.get(i));
            answered.put(citizens.get(i).pin(), System.currentTimeMillis());
        });
        Map<String, Instant> sent = awaitSms(citizens, Duration.ofMinutes(10));
        profile.close();
        Instant last = sent.values().stream().max(Instant::compareTo).orElseThrow();
        double seconds = Duration.between(start, last).toMillis() / 1000.0;
        double rate = n / seconds;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("accounts", n);
        r.put("firstCompleteToLastSmsSeconds", seconds);
        r.put("perSecond", rate);
        r.put(
                "cpuMsPerAccount",
                Map.of(
                        "identity", per(cpu(Service.IDENTITY) - cpuIdentity0, n),
                        "dossier", per(cpu(Service.DOSSIER) - cpuDossier0, n),
                        "notification", per(cpu(Service.NOTIFICATION) - cpuNotification0, n),
                        "postgres", per(ProcessMeter.postgresCpuMillis(postmaster) - pg0, n)));
        Histogram h = new Histogram(3);
        for (Citizen c : citizens) {
            h.recordValue(Math.max(0, sent.get(c.pin()).toEpochMilli() - answered.get(c.pin())) * 1000);
        }
        r.put("burstLatencyMs", Report.percentiles(h));
        results.put("accountsEndToEnd", r);
        table.add(new String[] {
            "accounts/s end to end (COMPLETE -> SMS at the SMSC, burst of " + n + ")", fmt(rate), "hash"
        });
        System.out.printf("accounts end to end: %.1f/s (%d in %.1f s)%n", rate, n, seconds);
        return rate;
    }

    /**
     * The citizen's wait at a steady rate: COMPLETEs sent on a fixed schedule (open loop) at the given rate; the
     * latency is from the COMPLETE's answer to the SMSC accepting the credential SMS.
     */
    private void latencyAtHalfRate(double rate) throws Exception {
        int seconds = intOption("latency-seconds", 30);
        int n = Math.max(10, (int) Math.round(rate * seconds));
        List<Citizen> citizens = citizens(n);
        List<String> ids = approveAll(citizens);
        Map<String, Long> answered = new java.util.concurrent.ConcurrentHashMap<>();
        ExecutorService pool = Executors.newCachedThreadPool();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        List<Future<?>> sends = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int k = i;
            sends.add(pool.submit(() -> {
                api.complete(citizens.get(k), ids.get(k));
                answered.put(citizens.get(k).pin(), System.currentTimeMillis());
                return null;
            }));
        }
        for (Future<?> f : sends) {
            f.get();
        }
        pool.shutdown();
        Map<String, Instant> sent = awaitSms(citizens, Duration.ofMinutes(10));
        Histogram h = new Histogram(3);
        for (Citizen c : citizens) {
            h.recordValue(Math.max(0, sent.get(c.pin()).toEpochMilli() - answered.get(c.pin())) * 1000);
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ratePerSecond", rate);
        r.put("citizens", n);
        r.put("latencyMs", Report.percentiles(h));
        results.put("endToEndLatency", r);
        chart = h;
        chartTitle = "COMPLETE answered -> credential SMS accepted by the SMSC, %.1f/s open loop, %d citizens"
                .formatted(rate, n);
        System.out.printf(
                "latency at %.1f/s: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms%n",
                rate,
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(95) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0);
    }

    /**
     * Dossier intake: POST /api/v1/dossiers on a fixed schedule (open loop, latency from the scheduled moment, so a
     * slow answer is not hidden by the sender waiting) at rising rates; the answer is the highest rate whose p99 is at
     * most 50 ms with every request accepted.
     */
    private void intake() throws Exception {
        List<Integer> rates = new ArrayList<>();
        for (String s :
                options.getOrDefault("intake-rates", "25,50,100,200,400").split(",")) {
            rates.add(Integer.parseInt(s.trim()));
        }
        int seconds = intOption("intake-seconds", 10);
        List<Map<String, Object>> steps = new ArrayList<>();
        double best = 0;
        Profile profile = profile("intake", Service.DOSSIER);
        for (int rate : rates) {
            int n = rate * seconds;
            List<Citizen> citizens = citizens(n);
            Histogram h = new Histogram(60_000_000L, 3);
            AtomicLong failed = new AtomicLong();
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            List<CompletableFuture<Void>> pending = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                pending.add(api.submitAsync(citizens.get(i)).handle((r, e) -> {
                    synchronized (h) {
                        h.recordValue(Math.min(h.getHighestTrackableValue(), (System.nanoTime() - due) / 1000));
                    }
                    if (e != null || r.statusCode() != 201) {
                        failed.incrementAndGet();
                    }
                    return null;
                }));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("ratePerSecond", rate);
            step.put("requests", n);
            step.put("failed", failed.get());
            step.put("latencyMs", Report.percentiles(h));
            steps.add(step);
            boolean met = failed.get() == 0 && h.getValueAtPercentile(99) <= P99_TARGET_MICROS;
            System.out.printf(
                    "intake at %d/s: p99 %.1f ms, %d failed%s%n",
                    rate, h.getValueAtPercentile(99) / 1000.0, failed.get(), met ? "" : " (target missed)");
            if (!met) {
                break;
            }
            best = rate;
        }
        profile.close();
        results.put("intakeSteps", steps);
        results.put("intakePerSecondAtP99Under50ms", best);
        table.add(new String[] {"dossier intake requests/s with p99 <= 50 ms (highest step met)", fmt(best), "-"});
    }

    private Map<String, Object> rss() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            m.put(s.module(), ProcessMeter.rssKib(system.pid(s, 1)) / 1024);
        }
        return m;
    }

    /** A flight recording of some services during a phase; closing it writes the files. */
    interface Profile extends AutoCloseable {
        @Override
        void close() throws Exception;
    }

    /** Starts a flight recording of the services when --jfr names a folder; otherwise a no-op. */
    private Profile profile(String phase, Service... services) throws Exception {
        String dir = options.get("jfr");
        if (dir == null) {
            return () -> {};
        }
        Files.createDirectories(Path.of(dir));
        Map<Service, Long> pids = new LinkedHashMap<>();
        for (Service s : services) {
            pids.put(s, system.pid(s, 1));
            jcmd(pids.get(s), "JFR.start", "name=" + phase, "settings=profile");
        }
        return () -> {
            for (Map.Entry<Service, Long> e : pids.entrySet()) {
                Path file =
                        Path.of(dir, phase + "-" + e.getKey().module() + ".jfr").toAbsolutePath();
                jcmd(e.getValue(), "JFR.stop", "name=" + phase, "filename=" + file);
            }
        };
    }

    private static void jcmd(long pid, String... command) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(String.valueOf(pid));
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private long cpu(Service s) {
        return ProcessMeter.cpuMillis(system.pid(s, 1));
    }

    private List<Citizen> citizens(int n) {
        List<Citizen> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Citizen.of(nextCitizen.getAndIncrement()));
        }
        return list;
    }

    private List<String> approveAll(List<Citizen> citizens) throws Exception {
        String[] ids = new String[citizens.size()];
        parallel(citizens.size(), 8, i -> ids[i] = api.approve(citizens.get(i)));
        return List.of(ids);
    }

    interface Step {
        void run(int i) throws Exception;
    }

    private static void parallel(int n, int threads, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    step.run(k);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until dossier-service's outbox has published every event (its backlog is on the topic). */
    private void awaitDossierEventsPublished() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Connection c = system.database(Service.DOSSIER).connect()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = c.createStatement()
                        .executeQuery("select count(*) from outbox_event where published_at is null")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("dossier-service's outbox did not drain within 5 minutes");
    }

    /**
     * Waits until identity-service has created every citizen's account and published its SMS request; returns the
     * first account's creation and the last SMS request's publication (the database's clock, this machine's).
     */
    private Instant[] awaitAccounts(List<Citizen> citizens, Duration timeout) throws Exception {
        String[] pins = citizens.stream().map(Citizen::pin).toArray(String[]::new);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = system.database(Service.IDENTITY).connect()) {
            while (System.nanoTime() < deadline) {
                try (PreparedStatement q = c.prepareStatement(
                        "select count(*), max(published_at), bool_and(published_at is not null) from outbox_event"
                                + " where event_type = 'vn.gov.eid.sms.requested.v1' and event_key = any(?)")) {
                    q.setArray(1, c.createArrayOf("varchar", pins));
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) >= pins.length && rs.getBoolean(3)) {
                            Timestamp last = rs.getTimestamp(2);
                            try (PreparedStatement f = c.prepareStatement(
                                    "select min(created_at) from citizen_account where personal_id_number = any(?)")) {
                                f.setArray(1, c.createArrayOf("varchar", pins));
                                try (ResultSet first = f.executeQuery()) {
                                    first.next();
                                    return new Instant[] {first.getTimestamp(1).toInstant(), last.toInstant()};
                                }
                            }
                        }
                    }
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("identity-service did not create " + pins.length + " accounts in " + timeout);
    }

    /** Waits until the SMSC has accepted an SMS for every citizen's phone; returns when each was accepted, by PIN. */
    private Map<String, Instant> awaitSms(List<Citizen> citizens, Duration timeout) throws Exception {
        Map<String, Citizen> byNumber = new HashMap<>();
        for (Citizen c : citizens) {
            byNumber.put(c.phone().substring(1), c);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Instant> found = new HashMap<>();
            for (ReceivedSms sms : system.smsc().received()) {
                String to = sms.destinationAddress();
                String national = to.length() >= 9 ? to.substring(to.length() - 9) : to;
                Citizen c = byNumber.get(national);
                if (c != null) {
                    found.merge(c.pin(), sms.receivedAt(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            if (found.size() == citizens.size()) {
                return found;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the SMSC did not get " + citizens.size() + " SMS within " + timeout);
    }

    /** Milliseconds per unit, to a tenth. */
    private static double per(long millis, long units) {
        return Math.round(millis * 10.0 / units) / 10.0;
    }

    private static String fmt(double d) {
        return String.format("%.1f", d);
    }
}
