package vn.gov.eid.localrun;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import vn.gov.eid.infra.BrokerAccess;
import vn.gov.eid.infra.DevKeys;
import vn.gov.eid.infra.LocalKafka;
import vn.gov.eid.infra.LocalPostgres;
import vn.gov.eid.smsc.SmscSimulator;

/**
 * The whole system on one machine: real PostgreSQL and Kafka (embedded, or existing ones named by the
 * environment), the SMSC simulator, and the three packaged services as separate processes, one or more replicas
 * each. Used by the local run (LocalRun) and by the system tests, which may also kill and restart a replica and
 * restart the embedded Kafka broker.
 */
public final class LocalSystem implements AutoCloseable {

    /** The dev seed: one staff user or client of each role (never used in production). */
    public static final String DEV_USERS = "officer1:officer:Officer@2026,supervisor1:supervisor:Supervisor@2026,"
            + "operator1:operator:Operator@2026";

    public static final String DEV_CLIENTS = "partner-portal:partner:Partner_Secret2026";
    public static final String SMPP_SYSTEM_ID = "eid";
    public static final String SMPP_PASSWORD = "eid-smpp";

    /** A service of the system: its module folder and default port. */
    public enum Service {
        IDENTITY("identity-service", 8081, "identity"),
        DOSSIER("dossier-service", 8082, "dossier"),
        NOTIFICATION("notification-service", 8083, "notification");

        final String module;
        final int defaultPort;
        final String database;

        Service(String module, int defaultPort, String database) {
            this.module = module;
            this.defaultPort = defaultPort;
            this.database = database;
        }

        /** The service's Maven module, also its name in logs and results. */
        public String module() {
            return module;
        }
    }

    /**
     * What to start.
     *
     * @param repoRoot  the project folder (services are run from their target/quarkus-app)
     * @param workDir   folder for keys and logs
     * @param fixedPorts true: the default ports (8081-8083, further replicas 100 above, SMPP 2775, SMSC page 8090);
     *                  false: free ports
     * @param env       settings that name existing infrastructure (KAFKA_BOOTSTRAP_SERVERS, EID_PG_URL, SMPP_HOST, ...)
     * @param replicas  processes per service; they share the service's database and Kafka principal
     */
    public record Options(Path repoRoot, Path workDir, boolean fixedPorts, Map<String, String> env, int replicas) {

        public Options {
            if (replicas < 1) {
                throw new IllegalArgumentException("replicas must be at least 1");
            }
        }

        /** One replica of each service. */
        public Options(Path repoRoot, Path workDir, boolean fixedPorts, Map<String, String> env) {
            this(repoRoot, workDir, fixedPorts, env, 1);
        }
    }

    /** One process of a service: its number (1..replicas), port, log file and the environment it is started with. */
    private static final class Replica {
        final Service service;
        final int number;
        final int port;
        final Path log;
        final Map<String, String> env;
        Process process;
        long launchedAt;
        Duration timeToReady;

        Replica(Service service, int number, int port, Path log, Map<String, String> env) {
            this.service = service;
            this.number = number;
            this.port = port;
            this.log = log;
            this.env = env;
        }

        String name() {
            return service.module + "-" + number;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    /**
     * A service's own PostgreSQL database, as the service is given it: for checks that read it directly.
     *
     * @param jdbcUrl  the service's QUARKUS_DATASOURCE_JDBC_URL
     * @param username its QUARKUS_DATASOURCE_USERNAME
     * @param password its QUARKUS_DATASOURCE_PASSWORD
     */
    public record Database(String jdbcUrl, String username, String password) {

        /** A new connection to the database; the caller closes it. */
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, username, password);
        }

        @Override
        public String toString() {
            return "Database[" + jdbcUrl + ", user " + username + "]"; // never the password
        }
    }

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<Service, List<Replica>> replicas = new LinkedHashMap<>();
    private final Map<Service, Database> databases = new LinkedHashMap<>();
    private static final List<String> KAFKA_SECURITY_SETTINGS =
            List.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG");

    private final Map<String, String> kafkaPasswords = new LinkedHashMap<>();
    private final Map<String, String> kafkaSecurity = new LinkedHashMap<>();
    private String kafkaBootstrap;
    private LocalKafka kafka;
    private Path repoRoot;
    private String pgDescription;
    private int pgPort;
    /**
     * JVM options of the service processes (EID_JAVA_OPTIONS in the settings, split at spaces). The default starts
     * fast and small, for tests and local runs; a measurement passes what production runs with.
     */
    private List<String> javaOptions = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private SmscSimulator smsc;
    private String smppAddress;

    private LocalSystem() {}

    public static LocalSystem start(Options options) throws Exception {
        LocalSystem system = new LocalSystem();
        try {
            system.boot(options);
            return system;
        } catch (Exception | Error e) {
            system.close();
            throw e;
        }
    }

    private void boot(Options o) throws Exception {
        repoRoot = o.repoRoot();
        Map<String, String> env = o.env();
        if (env.get("EID_JAVA_OPTIONS") != null) {
            javaOptions = List.of(env.get("EID_JAVA_OPTIONS").trim().split("\\s+"));
        }
        Files.createDirectories(o.workDir().resolve("logs"));
        Map<String, String> common = new LinkedHashMap<>(
                DevKeys.write(DevKeys.generate(), o.workDir().resolve("keys")));

        // PostgreSQL: an existing server (EID_PG_URL, e.g. jdbc:postgresql://127.0.0.1:5432/) or embedded binaries.
        String pgBase = env.get("EID_PG_URL");
        String pgUser = env.getOrDefault("EID_PG_USERNAME", LocalPostgres.USER);
        String pgPassword = env.getOrDefault("EID_PG_PASSWORD", LocalPostgres.PASSWORD);
        LocalPostgres pg = null;
        if (pgBase == null) {
            pg = LocalPostgres.start(o.fixedPorts() ? 15432 : 0, null);
            started.add(pg);
            for (Service s : Service.values()) {
                pg.createDatabase(s.database);
            }
            pgPort = pg.port();
            pgDescription = "embedded PostgreSQL on 127.0.0.1:" + pg.port() + " (user postgres, password postgres)";
        } else {
            pgDescription = "existing PostgreSQL at " + pgBase;
        }

        // Kafka: an existing broker (KAFKA_BOOTSTRAP_SERVERS, with the KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_* settings
        // it needs) or an in-JVM Kafka 4 broker run as production runs it: SASL/SCRAM, one principal per service, the
        // access rules of deploy/kafka/access.conf.
        kafkaBootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafkaBootstrap == null) {
            kafka = LocalKafka.startSecured();
            started.add(kafka);
            kafkaBootstrap = kafka.bootstrapServers();
            BrokerAccess access = BrokerAccess.read(o.repoRoot().resolve("deploy/kafka/access.conf"));
            for (String principal : access.principals()) {
                kafkaPasswords.put(principal, DevKeys.randomSecret());
            }
            try (Admin admin = Admin.create(kafka.adminClient())) {
                access.apply(admin, kafkaPasswords, 3);
            }
        } else {
            for (String k : KAFKA_SECURITY_SETTINGS) {
                if (env.get(k) != null) {
                    common.put(k, env.get(k));
                    kafkaSecurity.put(
                            k.substring("KAFKA_".length()).toLowerCase().replace('_', '.'), env.get(k));
                }
            }
        }
        common.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);

        // SMSC: an existing one (SMPP_HOST) or the simulator.
        if (env.get("SMPP_HOST") == null) {
            smsc = SmscSimulator.start(
                    o.fixedPorts() ? 2775 : 0, o.fixedPorts() ? 8090 : 0, SMPP_SYSTEM_ID, SMPP_PASSWORD);
            started.add(smsc);
            common.put("SMPP_HOST", "127.0.0.1");
            common.put("SMPP_PORT", String.valueOf(smsc.smppPort()));
            common.put("SMPP_SYSTEM_ID", SMPP_SYSTEM_ID);
            common.put("SMPP_PASSWORD", SMPP_PASSWORD);
        } else {
            for (String k : List.of("SMPP_HOST", "SMPP_PORT", "SMPP_SYSTEM_ID", "SMPP_PASSWORD")) {
                if (env.get(k) != null) {
                    common.put(k, env.get(k));
                }
            }
        }
        smppAddress = common.get("SMPP_HOST") + ":" + common.get("SMPP_PORT");
        common.put("SMS_SENDER_ID", env.getOrDefault("SMS_SENDER_ID", "VNeID"));

        Map<Service, List<Integer>> ports = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            List<Integer> list = new ArrayList<>();
            for (int n = 1; n <= o.replicas(); n++) {
                list.add(o.fixedPorts() ? s.defaultPort + 100 * (n - 1) : freePort());
            }
            ports.put(s, list);
        }
        // the first identity replica publishes the keys the other services verify tokens with (a deployment puts a
        // balanced address here); tokens from every identity replica verify, since all sign with the same key
        String identityUrl = "http://127.0.0.1:" + ports.get(Service.IDENTITY).get(0);
        common.put("IDENTITY_ISSUER", env.getOrDefault("IDENTITY_ISSUER", "https://identity.eid.gov.vn"));
        common.put("IDENTITY_JWKS_URL", identityUrl + "/.well-known/jwks.json");
        common.put("IDENTITY_BOOTSTRAP_USERS", env.getOrDefault("IDENTITY_BOOTSTRAP_USERS", DEV_USERS));
        common.put("IDENTITY_BOOTSTRAP_CLIENTS", env.getOrDefault("IDENTITY_BOOTSTRAP_CLIENTS", DEV_CLIENTS));

        for (Service s : Service.values()) {
            Map<String, String> serviceEnv = new LinkedHashMap<>(common);
            // each service gets its own event signing key, never another producer's
            serviceEnv
                    .keySet()
                    .removeIf(k -> k.endsWith("_EVENTS_SIGNING_KEY") && !k.equals(s.name() + "_EVENTS_SIGNING_KEY"));
            if (kafkaPasswords.containsKey(s.module)) {
                // each service connects as its own principal
                serviceEnv.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
                serviceEnv.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
                serviceEnv.put(
                        "KAFKA_SASL_JAAS_CONFIG", LocalKafka.scramJaasConfig(s.module, kafkaPasswords.get(s.module)));
            }
            // personal data at rest: a key-encryption key of the service's own (shared by its replicas), new each run
            // like the other dev keys
            serviceEnv.put("EID_DATA_KEYS", s.database + "-local-1:" + DevKeys.randomDataKey());
            if (s == Service.IDENTITY) {
                // the HMAC key of recovery codes (docs/adr/0006), one for all identity replicas
                serviceEnv.put("IDENTITY_RECOVERY_CODE_KEY", DevKeys.randomDataKey());
            }
            Database database = new Database(
                    pg != null ? pg.jdbcUrl(s.database) : pgBase.replaceAll("/+$", "") + "/" + s.database,
                    pgUser,
                    pgPassword);
            databases.put(s, database);
            serviceEnv.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            serviceEnv.put("QUARKUS_DATASOURCE_USERNAME", database.username());
            serviceEnv.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
            List<Replica> list = new ArrayList<>();
            for (int n = 1; n <= o.replicas(); n++) {
                Map<String, String> replicaEnv = new LinkedHashMap<>(serviceEnv);
                int port = ports.get(s).get(n - 1);
                replicaEnv.put("QUARKUS_HTTP_PORT", String.valueOf(port));
                replicaEnv.put("EID_INSTANCE_ID", s.module + "-" + n);
                // one replica keeps the log name the local run has always had
                String logName = o.replicas() == 1 ? s.module + ".log" : s.module + "-" + n + ".log";
                list.add(new Replica(s, n, port, o.workDir().resolve("logs").resolve(logName), replicaEnv));
            }
            replicas.put(s, list);
        }
        // all at once, as a deployment scaled to N starts them: the services must cope with replicas that migrate
        // and provision their database at the same moment
        for (List<Replica> list : replicas.values()) {
            for (Replica r : list) {
                launch(r, false);
            }
        }
        for (List<Replica> list : replicas.values()) {
            for (Replica r : list) {
                awaitReady(r, Duration.ofSeconds(180));
            }
        }
    }

    /** Starts the replica's process; a restart appends to its log so that the earlier life stays readable. */
    private void launch(Replica r, boolean appendLog) throws IOException {
        Path jar = repoRoot.resolve(r.service.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        appendLog
                                ? ProcessBuilder.Redirect.appendTo(r.log.toFile())
                                : ProcessBuilder.Redirect.to(r.log.toFile()));
        pb.environment().putAll(r.env);
        r.launchedAt = System.nanoTime();
        r.process = pb.start();
    }

    private void awaitReady(Replica r, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create(r.url() + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            Process p = r.process;
            if (!p.isAlive()) {
                throw new IllegalStateException(r.name() + " exited with " + p.exitValue() + "; see " + r.log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) health.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    r.timeToReady = Duration.ofNanos(System.nanoTime() - r.launchedAt);
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(r.name() + " not ready within " + timeout.toSeconds() + " s; see " + r.log);
    }

    /** The address of the service's first replica. */
    public String url(Service s) {
        return url(s, 1);
    }

    /** The address of one replica (numbered from 1). */
    public String url(Service s, int replica) {
        return replica(s, replica).url();
    }

    /** The addresses of all replicas of the service, in replica order. */
    public List<String> urls(Service s) {
        return replicas.get(s).stream().map(Replica::url).toList();
    }

    /** How many replicas of each service run. */
    public int replicas() {
        return replicas.get(Service.IDENTITY).size();
    }

    /** Kills one replica at once (SIGKILL: no shutdown hook, no graceful close) and waits until it is gone. */
    public void kill(Service s, int replica) throws InterruptedException {
        Replica r = replica(s, replica);
        r.process.destroyForcibly();
        if (!r.process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(r.name() + " did not die within 30 s of SIGKILL");
        }
    }

    /** Starts a killed (or exited) replica again on its port with its settings, and waits until it is ready. */
    public void restart(Service s, int replica) throws Exception {
        Replica r = replica(s, replica);
        if (r.process.isAlive()) {
            throw new IllegalStateException(r.name() + " is still running");
        }
        launch(r, true);
        awaitReady(r, Duration.ofSeconds(180));
    }

    /** The operating-system process id of the replica's current process. */
    public long pid(Service s, int replica) {
        return replica(s, replica).process.pid();
    }

    /** From the replica's last start to its first ready answer. */
    public Duration timeToReady(Service s, int replica) {
        return replica(s, replica).timeToReady;
    }

    /** The port of the embedded PostgreSQL server; 0 when the services use an existing one (EID_PG_URL). */
    public int embeddedPostgresPort() {
        return pgPort;
    }

    /** Whether the replica's process runs. */
    public boolean alive(Service s, int replica) {
        return replica(s, replica).process.isAlive();
    }

    /**
     * Restarts the embedded Kafka broker (same port, data, users and ACLs) after the given outage; only for the
     * broker this system started.
     */
    public void restartKafka(Duration downtime) throws Exception {
        if (kafka == null) {
            throw new IllegalStateException("Kafka is an existing broker (KAFKA_BOOTSTRAP_SERVERS), not restartable");
        }
        kafka.restartBroker(downtime);
    }

    private Replica replica(Service s, int number) {
        List<Replica> list = replicas.get(s);
        if (number < 1 || number > list.size()) {
            throw new IllegalArgumentException(s.module + " has replicas 1.." + list.size() + ", not " + number);
        }
        return list.get(number - 1);
    }

    /** The service's own database (the embedded server's, or the one EID_PG_URL names). */
    public Database database(Service s) {
        return databases.get(s);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    /**
     * Client settings of a principal of the embedded broker (a service, {@code partner} or {@code operator}, see
     * deploy/kafka/access.conf); for an existing broker, its address with the security settings it was given.
     */
    public Properties kafkaClient(String principal) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafkaBootstrap);
        if (kafkaPasswords.isEmpty()) {
            p.putAll(kafkaSecurity);
            return p;
        }
        String password = kafkaPasswords.get(principal);
        if (password == null) {
            throw new IllegalArgumentException("no Kafka principal " + principal);
        }
        p.put("security.protocol", "SASL_PLAINTEXT");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", LocalKafka.scramJaasConfig(principal, password));
        return p;
    }

    /** The simulator when this system started one, else null. */
    public SmscSimulator smsc() {
        return smsc;
    }

    /** The log file of the service's first replica. */
    public Path log(Service s) {
        return log(s, 1);
    }

    /** The log file of one replica (a restart appends to it). */
    public Path log(Service s, int replica) {
        return replica(s, replica).log;
    }

    /** What a person needs to use the running system. */
    public String describe() {
        StringBuilder sb = new StringBuilder("\ne-ID system is up\n");
        for (List<Replica> list : replicas.values()) {
            for (Replica r : list) {
                String name = list.size() == 1 ? r.service.module : r.name();
                sb.append(String.format(
                        "  %-21s %s   (Swagger UI %s/q/swagger-ui, log %s)%n", name, r.url(), r.url(), r.log));
            }
        }
        sb.append("  Kafka bootstrap       ").append(kafkaBootstrap).append('\n');
        if (!kafkaPasswords.isEmpty()) {
            sb.append("  Kafka principals      SASL_PLAINTEXT, SCRAM-SHA-512 (rules: deploy/kafka/access.conf)\n");
            for (String principal : List.of("operator", "partner")) {
                sb.append(String.format("    %-19s password %s%n", principal, kafkaPasswords.get(principal)));
            }
        }
        sb.append("  PostgreSQL            ").append(pgDescription).append('\n');
        sb.append("  SMSC (SMPP 3.4)       ").append(smppAddress);
        if (smsc != null) {
            sb.append("   received SMS: http://127.0.0.1:")
                    .append(smsc.httpPort())
                    .append("/  (JSON: /api/messages)");
        }
        sb.append('\n');
        sb.append("  Dev accounts (token: POST ").append(url(Service.IDENTITY)).append("/api/v1/auth/token)\n");
        for (String u : DEV_USERS.split(",")) {
            String[] f = u.split(":");
            sb.append(String.format("    user %-14s role %-11s password %s%n", f[0], f[1], f[2]));
        }
        for (String c : DEV_CLIENTS.split(",")) {
            String[] f = c.split(":");
            sb.append(String.format("    client %-12s role %-11s secret %s%n", f[0], f[1], f[2]));
        }
        sb.append("Ctrl-C stops everything.\n");
        return sb.toString();
    }

    @Override
    public void close() {
        List<Process> processes = replicas.values().stream()
                .flatMap(List::stream)
                .map(r -> r.process)
                .filter(java.util.Objects::nonNull)
                .toList();
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(15, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
