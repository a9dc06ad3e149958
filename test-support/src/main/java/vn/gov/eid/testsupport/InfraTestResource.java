package vn.gov.eid.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import vn.gov.eid.infra.LocalKafka;
import vn.gov.eid.infra.LocalPostgres;

/**
 * Gives a service's tests a real PostgreSQL database and a real Kafka broker, found in this order:
 * <ol>
 * <li>explicit settings: EID_TEST_JDBC_URL (+ EID_TEST_JDBC_USERNAME / EID_TEST_JDBC_PASSWORD) and
 * EID_TEST_KAFKA_BOOTSTRAP_SERVERS;</li>
 * <li>Testcontainers, when a Docker engine answers;</li>
 * <li>otherwise PostgreSQL from embedded binaries and an in-JVM Kafka 4 broker.</li>
 * </ol>
 * Infrastructure is started once per JVM. It never skips: when nothing can be started the test fails with the
 * reason. Init arg {@code database}: the database to create for the service (default {@code app}).
 */
public class InfraTestResource implements QuarkusTestResourceLifecycleManager {

    private static Infra infra;
    private String database = "app";

    /**
     * Where the test infrastructure is; shared by every test class of the JVM. {@code embeddedPgPort} > 0: the
     * embedded server, on which each service gets its own database; else {@code jdbcBase} is used as it is.
     */
    record Infra(String jdbcBase, String user, String password, int embeddedPgPort, String kafkaBootstrap) {
        String jdbcUrl(String db) {
            return embeddedPgPort > 0 ? "jdbc:postgresql://127.0.0.1:" + embeddedPgPort + "/" + db : jdbcBase;
        }
    }

    /*
     * Quarkus loads this class again for each restart of the application under test (another test profile or
     * resource set); the embedded servers stay up for the whole JVM, and these system properties find them again.
     */
    private static final String PG_PORT_PROPERTY = "eid.test.infra.pg-port";
    private static final String JDBC_PROPERTY = "eid.test.infra.jdbc";
    private static final String KAFKA_PROPERTY = "eid.test.infra.kafka";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infra i = infra();
        if (i.embeddedPgPort() > 0) {
            LocalPostgres.createDatabase(i.jdbcUrl("postgres"), i.user(), i.password(), database);
        }
        Map<String, String> config = new HashMap<>(TestKeys.locations());
        config.put("quarkus.datasource.jdbc.url", i.jdbcUrl(database));
        config.put("quarkus.datasource.username", i.user());
        config.put("quarkus.datasource.password", i.password());
        config.put("kafka.bootstrap.servers", i.kafkaBootstrap());
        config.put("KAFKA_BOOTSTRAP_SERVERS", i.kafkaBootstrap());
        config.put("IDENTITY_ISSUER", TestTokens.ISSUER);
        config.put("IDENTITY_JWKS_URL", TestKeys.locations().get("IDENTITY_PUBLIC_KEY_LOCATION"));
        return config;
    }

    @Override
    public void stop() {
        // Shared by all test classes of the JVM; the JVM's exit ends the embedded servers.
    }

    /** Starts (once) or finds the infrastructure. */
    public static synchronized Infra infra() {
        if (infra == null) {
            infra = locate();
        }
        return infra;
    }

    private static Infra locate() {
        String jdbc = System.getenv("EID_TEST_JDBC_URL");
        String kafka = System.getenv("EID_TEST_KAFKA_BOOTSTRAP_SERVERS");
        if (jdbc != null && kafka != null) {
            return new Infra(
                    jdbc,
                    env("EID_TEST_JDBC_USERNAME", "postgres"),
                    env("EID_TEST_JDBC_PASSWORD", "postgres"),
                    0,
                    kafka);
        }
        if (jdbc != null || kafka != null) {
            throw new IllegalStateException(
                    "set both EID_TEST_JDBC_URL and EID_TEST_KAFKA_BOOTSTRAP_SERVERS, or neither");
        }
        if (System.getProperty(KAFKA_PROPERTY) != null) {
            return new Infra(
                    System.getProperty(JDBC_PROPERTY),
                    LocalPostgres.USER,
                    LocalPostgres.PASSWORD,
                    Integer.getInteger(PG_PORT_PROPERTY, 0),
                    System.getProperty(KAFKA_PROPERTY));
        }
        if (ContainerInfra.dockerAvailable()) {
            return remember(ContainerInfra.start());
        }
        try {
            LocalPostgres pg = LocalPostgres.start(0, null);
            LocalKafka k = LocalKafka.start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    k.close();
                                    pg.close();
                                } catch (Exception e) {
                                    // the JVM is exiting; the temp folders go with it
                                }
                            },
                            "eid-test-infra-stop"));
            return remember(
                    new Infra(null, LocalPostgres.USER, LocalPostgres.PASSWORD, pg.port(), k.bootstrapServers()));
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot start the embedded PostgreSQL and Kafka for the tests: " + e.getMessage(), e);
        }
    }

    private static Infra remember(Infra i) {
        if (i.jdbcBase() != null) {
            System.setProperty(JDBC_PROPERTY, i.jdbcBase());
        }
        System.setProperty(PG_PORT_PROPERTY, String.valueOf(i.embeddedPgPort()));
        System.setProperty(KAFKA_PROPERTY, i.kafkaBootstrap());
        return i;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
