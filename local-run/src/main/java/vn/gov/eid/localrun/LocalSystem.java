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
 * environment), the SMSC simulator, and the three packaged services as separate processes. Used by the
 * local run (LocalRun) and by the system test.
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
    }

    /**
     * What to start.
     *
     * @param repoRoot  the project folder (services are run from their target/quarkus-app)
     * @param workDir   folder for keys and logs
     * @param fixedPorts true: the default ports (8081-8083, SMPP 2775, SMSC page 8090); false: free ports
     * @param env       settings that name existing infrastructure (KAFKA_BOOTSTRAP_SERVERS, EID_PG_URL, SMPP_HOST, ...)
     */
    public record Options(Path repoRoot, Path workDir, boolean fixedPorts, Map<String, String> env) {}

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
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private final Map<Service, Integer> ports = new LinkedHashMap<>();
    private final Map<Service, Path> logs = new LinkedHashMap<>();
    private final Map<Service, Database> databases = new LinkedHashMap<>();
    private static final List<String> KAFKA_SECURITY_SETTINGS =
            List.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM", "KAFKA_SASL_JAAS_CONFIG");

    private final Map<String, String> kafkaPasswords = new LinkedHashMap<>();
    private final Map<String, String> kafkaSecurity = new LinkedHashMap<>();
    private String kafkaBootstrap;
    private String pgDescription;
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
        Map<String, String> env = o.env();
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
            pgDescription = "embedded PostgreSQL on 127.0.0.1:" + pg.port() + " (user postgres, password postgres)";
        } else {
            pgDescription = "existing PostgreSQL at " + pgBase;
        }

        // Kafka: an existing broker (KAFKA_BOOTSTRAP_SERVERS, with the KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_* settings
        // it needs) or an in-JVM Kafka 4 broker run as production runs it: SASL/SCRAM, one principal per service, the
        // access rules of deploy/kafka/access.conf.
        kafkaBootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafkaBootstrap == null) {
            LocalKafka kafka = LocalKafka.startSecured();
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

        for (Service s : Service.values()) {
            ports.put(s, o.fixedPorts() ? s.defaultPort : freePort());
        }
        String identityUrl = "http://127.0.0.1:" + ports.get(Service.IDENTITY);
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
            // personal data at rest: a key-encryption key of the service's own, new each run like the other dev keys
            serviceEnv.put("EID_DATA_KEYS", s.database + "-local-1:" + DevKeys.randomDataKey());
            serviceEnv.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(s)));
            Database database = new Database(
                    pg != null ? pg.jdbcUrl(s.database) : pgBase.replaceAll("/+$", "") + "/" + s.database,
                    pgUser,
                    pgPassword);
            databases.put(s, database);
            serviceEnv.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl());
            serviceEnv.put("QUARKUS_DATASOURCE_USERNAME", database.username());
            serviceEnv.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
            processes.put(s, launch(o, s, serviceEnv));
        }
        for (Service s : Service.values()) {
            awaitReady(s, Duration.ofSeconds(120));
        }
    }

    private Process launch(Options o, Service s, Map<String, String> env) throws IOException {
        Path jar = o.repoRoot().resolve(s.module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        Path log = o.workDir().resolve("logs").resolve(s.module + ".log");
        logs.put(s, log);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                        java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    private void awaitReady(Service s, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI health = URI.create(url(s) + "/q/health/ready");
        while (System.nanoTime() < deadline) {
            Process p = processes.get(s);
            if (!p.isAlive()) {
                throw new IllegalStateException(s.module + " exited with " + p.exitValue() + "; see " + logs.get(s));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) health.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(
                s.module + " not ready within " + timeout.toSeconds() + " s; see " + logs.get(s));
    }

    public String url(Service s) {
        return "http://127.0.0.1:" + ports.get(s);
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

    public Path log(Service s) {
        return logs.get(s);
    }

    /** What a person needs to use the running system. */
    public String describe() {
        StringBuilder sb = new StringBuilder("\ne-ID system is up\n");
        for (Service s : Service.values()) {
            sb.append(String.format(
                    "  %-21s %s   (Swagger UI %s/q/swagger-ui, log %s)%n", s.module, url(s), url(s), logs.get(s)));
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
        for (Process p : processes.values()) {
            p.destroy();
        }
        for (Process p : processes.values()) {
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
