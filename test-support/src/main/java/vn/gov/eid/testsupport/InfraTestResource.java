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

    /** Where the test infrastructure is; shared by every test class of the JVM. */
    record Infra(String jdbcBase, String user, String password, LocalPostgres embeddedPostgres, String kafkaBootstrap) {
        String jdbcUrl(String db) {
            return embeddedPostgres != null ? embeddedPostgres.jdbcUrl(db) : jdbcBase;
        }
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infra i = infra();
        if (i.embeddedPostgres() != null) {
            i.embeddedPostgres().createDatabase(database);
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
            return new Infra(jdbc, env("EID_TEST_JDBC_USERNAME", "postgres"), env("EID_TEST_JDBC_PASSWORD", "postgres"),
                    null, kafka);
        }
        if (jdbc != null || kafka != null) {
            throw new IllegalStateException("set both EID_TEST_JDBC_URL and EID_TEST_KAFKA_BOOTSTRAP_SERVERS, or neither");
        }
        if (ContainerInfra.dockerAvailable()) {
            return ContainerInfra.start();
        }
        try {
            LocalPostgres pg = LocalPostgres.start(0, null);
            LocalKafka k = LocalKafka.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    k.close();
                    pg.close();
                } catch (Exception e) {
                    // the JVM is exiting; the temp folders go with it
                }
            }, "eid-test-infra-stop"));
            return new Infra(null, LocalPostgres.USER, LocalPostgres.PASSWORD, pg, k.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded PostgreSQL and Kafka for the tests: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
