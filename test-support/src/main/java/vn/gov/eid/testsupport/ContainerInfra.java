package vn.gov.eid.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Infrastructure from Testcontainers, used when a Docker engine is there (e.g. a developer laptop). */
final class ContainerInfra {

    private ContainerInfra() {}

    static boolean dockerAvailable() {
        if ("false".equalsIgnoreCase(System.getenv("EID_TEST_USE_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    static InfraTestResource.Infra start() {
        PostgreSQLContainer pg = new PostgreSQLContainer("postgres:16-alpine")
                .withDatabaseName("app")
                .withUsername("postgres")
                .withPassword("postgres");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        pg.start();
        kafka.start();
        return new InfraTestResource.Infra(
                pg.getJdbcUrl(), pg.getUsername(), pg.getPassword(), 0, kafka.getBootstrapServers());
    }
}
