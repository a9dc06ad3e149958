package vn.gov.eid.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run on machines without a Docker engine; this checks what `docker compose up --build`
 * relies on: every part is there, builds from a Dockerfile that exists, waits for healthy dependencies, and gets
 * the settings its service reads.
 */
class ComposeFileTest {

    private static final Path ROOT =
            Path.of(System.getProperty("eid.repo.root", "..")).toAbsolutePath().normalize();
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws Exception {
        try (Reader r = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(r);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
        assertNotNull(services, "docker-compose.yml has services");
    }

    @Test
    void everyPartOfTheSystemIsThere() {
        assertTrue(
                services.keySet()
                        .containsAll(Set.of(
                                "postgres",
                                "kafka",
                                "kafka-setup",
                                "kafka-ui",
                                "smsc-simulator",
                                "identity-service",
                                "dossier-service",
                                "notification-service")),
                services.keySet().toString());
        assertTrue(((String) services.get("kafka").get("image")).startsWith("apache/kafka:4"), "KRaft Kafka 4 image");
    }

    @Test
    @SuppressWarnings("unchecked")
    void builtPartsHaveTheirDockerfileStageAndHealthCheck() throws Exception {
        for (String name : List.of("smsc-simulator", "identity-service", "dossier-service", "notification-service")) {
            Map<String, Object> build = (Map<String, Object>) services.get(name).get("build");
            assertNotNull(build, name + " is built");
            Path dockerfile = ROOT.resolve((String) build.get("context"))
                    .resolve((String) build.getOrDefault("dockerfile", "Dockerfile"));
            assertTrue(Files.isRegularFile(dockerfile), "missing " + dockerfile);
            String stage = (String) build.get("target");
            assertTrue(
                    Files.readAllLines(dockerfile).stream().anyMatch(l -> l.matches("FROM \\S+ AS " + stage)),
                    dockerfile + " has no stage " + stage);
            assertNotNull(services.get(name).get("healthcheck"), name + " has a health check");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesWaitForHealthOrCompletionOfExistingServices() {
        int conditions = 0;
        for (var e : services.entrySet()) {
            Object deps = e.getValue().get("depends_on");
            if (deps == null) {
                continue;
            }
            for (var d : ((Map<String, Map<String, String>>) deps).entrySet()) {
                Map<String, Object> target = services.get(d.getKey());
                assertNotNull(target, e.getKey() + " depends on unknown " + d.getKey());
                String condition = d.getValue().get("condition");
                if ("service_healthy".equals(condition)) {
                    assertNotNull(target.get("healthcheck"), d.getKey() + " has no health check to wait for");
                } else {
                    assertEquals("service_completed_successfully", condition, e.getKey() + " -> " + d.getKey());
                }
                conditions++;
            }
        }
        assertTrue(conditions >= 10, "services wait for their dependencies: " + conditions);
    }

    @Test
    void eachServiceGetsTheSettingsItNeeds() {
        Map<String, List<String>> required = Map.of(
                "identity-service",
                        List.of(
                                "KAFKA_BOOTSTRAP_SERVERS",
                                "QUARKUS_DATASOURCE_JDBC_URL",
                                "IDENTITY_ISSUER",
                                "IDENTITY_JWKS_URL",
                                "IDENTITY_SIGNING_KEY_LOCATION",
                                "SMS_JWE_PUBLIC_KEY_LOCATION",
                                "IDENTITY_CONTACT_PRIVATE_KEY_LOCATION",
                                "IDENTITY_EVENTS_SIGNING_KEY",
                                "DOSSIER_EVENTS_PUBLIC_KEYS",
                                "EID_DATA_KEYS",
                                "IDENTITY_RECOVERY_CODE_KEY"),
                "dossier-service",
                        List.of(
                                "KAFKA_BOOTSTRAP_SERVERS",
                                "QUARKUS_DATASOURCE_JDBC_URL",
                                "IDENTITY_ISSUER",
                                "IDENTITY_JWKS_URL",
                                "IDENTITY_CONTACT_PUBLIC_KEY_LOCATION",
                                "DOSSIER_EVENTS_SIGNING_KEY",
                                "EID_DATA_KEYS"),
                "notification-service",
                        List.of(
                                "KAFKA_BOOTSTRAP_SERVERS",
                                "QUARKUS_DATASOURCE_JDBC_URL",
                                "IDENTITY_ISSUER",
                                "IDENTITY_JWKS_URL",
                                "SMS_JWE_PRIVATE_KEY_LOCATION",
                                "NOTIFICATION_EVENTS_SIGNING_KEY",
                                "IDENTITY_EVENTS_PUBLIC_KEYS",
                                "SMPP_HOST",
                                "SMPP_PORT",
                                "SMPP_SYSTEM_ID",
                                "SMPP_PASSWORD",
                                "SMS_SENDER_ID"));
        required.forEach((service, names) -> {
            Map<String, Object> env = env(service);
            for (String n : names) {
                assertNotNull(env.get(n), service + " lacks " + n);
            }
        });
    }

    @Test
    void theBrokerAuthenticatesEveryClientAndAllowsOnlyWhatTheAccessRulesSay() {
        Map<String, Object> kafka = env("kafka");
        String protocols = (String) kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP");
        for (String listener : protocols.split(",")) {
            assertTrue(
                    listener.endsWith(":SASL_PLAINTEXT") || listener.endsWith(":SASL_SSL"),
                    "open listener " + listener);
        }
        assertEquals(
                "org.apache.kafka.metadata.authorizer.StandardAuthorizer", kafka.get("KAFKA_AUTHORIZER_CLASS_NAME"));
        assertEquals("false", String.valueOf(kafka.get("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND")));
        assertEquals("User:admin", kafka.get("KAFKA_SUPER_USERS"));
        // the port published to the host takes SCRAM only: the admin's PLAIN login stays inside
        assertEquals("SCRAM-SHA-512", kafka.get("KAFKA_LISTENER_NAME_HOST_SASL_ENABLED_MECHANISMS"));
        assertTrue(Files.isRegularFile(ROOT.resolve("deploy/kafka/kafka_server_jaas.conf")));
    }

    @Test
    void theSetupJobCreatesEveryPrincipalOfTheAccessRules() throws Exception {
        Set<String> principals = vn.gov.eid.infra.BrokerAccess.read(ROOT.resolve("deploy/kafka/access.conf"))
                .principals();
        Set<String> users = new java.util.HashSet<>();
        env("kafka-setup").forEach((k, v) -> {
            if (k.startsWith("KAFKA_JAAS_")) {
                users.add(username((String) v));
            }
        });
        assertEquals(principals, users);
        assertTrue(Files.isRegularFile(ROOT.resolve("deploy/kafka/setup.sh")));
    }

    @Test
    void eachServiceConnectsAsItsOwnPrincipal() {
        Set<String> secrets = new java.util.HashSet<>();
        for (String service : List.of("identity-service", "dossier-service", "notification-service")) {
            Map<String, Object> env = env(service);
            assertEquals("SASL_PLAINTEXT", env.get("KAFKA_SECURITY_PROTOCOL"), service);
            assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM"), service);
            String jaas = (String) env.get("KAFKA_SASL_JAAS_CONFIG");
            assertNotNull(jaas, service + " has no broker login");
            assertEquals(service, username(jaas));
            assertTrue(secrets.add(jaas.replaceAll(".*password=\"([^\"]*)\".*", "$1")), "shared password");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void notificationServiceRunsAsTwoReplicasOfOneImageWithTheirOwnInstanceIds() {
        Map<String, Object> first = services.get("notification-service");
        Map<String, Object> second = services.get("notification-service-2");
        assertNotNull(second, "a second notification-service replica");
        assertEquals(first.get("build"), second.get("build"), "the same image");
        Map<String, Object> env1 = env("notification-service");
        Map<String, Object> env2 = env("notification-service-2");
        assertEquals("notification-service-1", env1.get("EID_INSTANCE_ID"));
        assertEquals("notification-service-2", env2.get("EID_INSTANCE_ID"), "leases name their replica");
        for (String shared : List.of(
                "QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_SASL_JAAS_CONFIG", "SMS_JWE_PRIVATE_KEY_LOCATION", "SMPP_HOST")) {
            assertEquals(env1.get(shared), env2.get(shared), shared + " is shared by the replicas");
        }
        assertEquals(List.of("8083:8083"), first.get("ports"));
        assertEquals(List.of("8084:8083"), second.get("ports"), "its own host port");
        assertNotNull(second.get("healthcheck"));
        assertEquals(first.get("depends_on"), second.get("depends_on"));
    }

    @Test
    void noTwoServicesShareAKeyEncryptionKey() {
        Object identity = env("identity-service").get("EID_DATA_KEYS");
        Object dossier = env("dossier-service").get("EID_DATA_KEYS");
        assertNotNull(identity);
        assertNotNull(dossier);
        assertTrue(!String.valueOf(identity)
                .split(":")[1]
                .equals(String.valueOf(dossier).split(":")[1]));
    }

    @Test
    void operatorsLogInToAReadOnlyKafkaUi() {
        Map<String, Object> ui = env("kafka-ui");
        assertEquals("LOGIN_FORM", ui.get("AUTH_TYPE"));
        assertNotNull(ui.get("SPRING_SECURITY_USER_PASSWORD"));
        assertEquals("true", String.valueOf(ui.get("KAFKA_CLUSTERS_0_READONLY")));
        assertEquals("operator", username((String) ui.get("KAFKA_CLUSTERS_0_PROPERTIES_SASL_JAAS_CONFIG")));
    }

    private static String username(String jaas) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("username=\"([^\"]+)\"").matcher(jaas);
        assertTrue(m.find(), "no username in " + jaas);
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> env(String service) {
        return (Map<String, Object>) services.get(service).get("environment");
    }
}
