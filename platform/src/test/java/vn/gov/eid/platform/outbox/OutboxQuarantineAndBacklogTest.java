package vn.gov.eid.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TransactionListing;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.OutboxRows;
import vn.gov.eid.platform.instance.InstanceId;
import vn.gov.eid.testsupport.InfraTestResource;
import vn.gov.eid.testsupport.TestKafka;

/**
 * The relay among several replicas, on a real PostgreSQL and Kafka (a database of its own, so the backlog figures are
 * this class's rows only): a row Kafka refuses is set aside while the rows behind it flow on, the backlog shows in
 * the gauges and the readiness check, and the producer's transactional id names this replica.
 */
@QuarkusTest
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform_outbox_backlog"),
        restrictToAnnotatedClass = true)
class OutboxQuarantineAndBacklogTest {

    static final String TOPIC = "platform.test.v1";
    static final String OTHER_TOPIC = "platform.other.v1";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InstanceId instance;

    @Test
    void aRowKafkaRefusesIsQuarantinedAfterMaxAttemptsWhileLaterRowsOnAnyTopicGoOut() {
        String key = "001203000021";
        // over the producer's max.request.size (1 MiB): refused every time, by this record alone
        UUID poison = write(TOPIC, key, Map.of("blob", "x".repeat(1_100_000)));
        // a name Kafka refuses (a space): the broker answers InvalidTopicException
        UUID badTopic = write("platform.bad topic.v1", "001203000022", Map.of("n", 0));
        UUID sameTopic = write(TOPIC, key, Map.of("n", 1));
        UUID otherTopic = write(OTHER_TOPIC, "001203000022", Map.of("n", 2));

        await().atMost(Duration.ofSeconds(60))
                .until(() -> ceIds(TOPIC).contains(sameTopic.toString())
                        && ceIds(OTHER_TOPIC).contains(otherTopic.toString()));
        assertEquals(1, OutboxRows.count(em, "id = ?1 and quarantined_at is not null", poison));
        // five attempts (the default eid.outbox.max-attempts), then no more: a quarantined row is skipped
        assertEquals(1, OutboxRows.count(em, "id = ?1 and attempts = 5", poison));
        String lastError = lastError(poison);
        assertTrue(lastError.startsWith("RecordTooLargeException: "), lastError);
        assertFalse(lastError.contains("xxxx") || lastError.contains(key), "no payload or key: " + lastError);
        assertFalse(ceIds(TOPIC).contains(poison.toString()));
        assertTrue(OutboxRows.published(em, sameTopic) && OutboxRows.published(em, otherTopic));
        assertEquals(1, OutboxRows.count(em, "id = ?1 and quarantined_at is not null and attempts = 5", badTopic));
        assertTrue(lastError(badTopic).startsWith("InvalidTopicException"), lastError(badTopic));

        // counted and shown, but the service stays ready: every replica would be unready for the same row
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("eid_outbox_quarantined_rows") == 2.0);
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.quarantined", equalTo(2));

        // an operator releases it (the SQL of ADR 0002): it is tried again, and refused again
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update outbox_event set quarantined_at = null, attempts = 0,"
                                + " last_error = null where id = ?1 and published_at is null")
                        .setParameter(1, poison)
                        .executeUpdate());
        await().atMost(Duration.ofSeconds(60))
                .until(() ->
                        OutboxRows.count(em, "id = ?1 and quarantined_at is not null and attempts = 5", poison) == 1);
    }

    @Test
    void aStuckRelayMakesTheServiceUnreadyAndItsBacklogShows() throws Exception {
        UUID id;
        // holding the relays' advisory lock stands for a relay that cannot publish
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(" + OutboxPublisher.RELAY_LOCK + ")");
            try {
                id = QuarkusTransaction.requiringNew().call(() -> {
                    UUID written = outbox.add(TOPIC, "001203000024", "vn.gov.eid.test.happened.v1", Map.of("n", 4));
                    em.createNativeQuery("update outbox_event set created_at = now() - interval '10 minutes'"
                                    + " where id = ?1")
                            .setParameter(1, written)
                            .executeUpdate();
                    return written;
                });
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> given().get("/q/health/ready")
                                .then()
                                .statusCode(503)
                                .body("checks.find { it.name == 'outbox' }.status", equalTo("DOWN"))
                                .body("checks.find { it.name == 'outbox' }.data.unpublished", equalTo(1))
                                .body(
                                        "checks.find { it.name == 'outbox' }.data.oldestUnpublishedAgeSeconds",
                                        greaterThanOrEqualTo(600))
                                .body("checks.find { it.name == 'outbox' }.data.readyMaxAgeSeconds", equalTo(300)));
                assertEquals(1.0, metric("eid_outbox_unpublished_rows"));
                assertTrue(metric("eid_outbox_oldest_unpublished_age_seconds") >= 600);
            } finally {
                // a pooled connection keeps a session lock: give it back unlocked
                s.execute("select pg_advisory_unlock(" + OutboxPublisher.RELAY_LOCK + ")");
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> OutboxRows.published(em, id));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().get("/q/health/ready")
                        .then()
                        .statusCode(200)
                        .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                        .body("checks.find { it.name == 'outbox' }.data.unpublished", equalTo(0)));
        // the gauge reads figures cached for a second: it follows within a few
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertEquals(0.0, metric("eid_outbox_oldest_unpublished_age_seconds")));
    }

    @Test
    void theRelaysTransactionalIdNamesThisReplica() throws Exception {
        UUID id = write(TOPIC, "001203000023", Map.of("n", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> OutboxRows.published(em, id));
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()))) {
            Set<String> ids = admin.listTransactions().all().get(30, TimeUnit.SECONDS).stream()
                    .map(TransactionListing::transactionalId)
                    .collect(Collectors.toSet());
            assertTrue(ids.contains("outbox-relay-eid-platform-test-" + instance.get()), ids.toString());
            assertFalse(ids.contains("outbox-relay-eid-platform-test"), "the id shared by all replicas: " + ids);
        }
    }

    private String lastError(UUID id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (String) em.createNativeQuery("select last_error from outbox_event where id = ?1")
                        .setParameter(1, id)
                        .getSingleResult());
    }

    private UUID write(String topic, String key, Map<String, Object> data) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.add(topic, key, "vn.gov.eid.test.happened.v1", data));
    }

    private static List<String> ceIds(String topic) {
        return TestKafka.readAll(topic).stream()
                .map(r -> new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .toList();
    }

    /** A gauge's value in the Prometheus scrape (no tags), NaN while it is missing. */
    private static double metric(String name) {
        String scrape =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return scrape.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(Double.NaN);
    }
}
