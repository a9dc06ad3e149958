package vn.gov.eid.platform;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.outbox.Outbox;
import vn.gov.eid.testsupport.TestKafka;

/** Kafka goes away: events written meanwhile wait in the outbox and go out, in order, when it is back. */
@QuarkusTest
@QuarkusTestResource(value = KafkaOutageResource.class, restrictToAnnotatedClass = true)
class OutboxKafkaOutageTest {

    static final String TOPIC = "platform.test.v1";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Test
    void eventsWrittenWhileKafkaIsDownArriveInOrderWhenItIsBack() {
        String key = "001203000009";
        UUID before = write(key, 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> ids(key).contains(before.toString()));

        KafkaOutageResource.proxy.cut();
        List<UUID> during = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            during.add(write(key, i));
        }
        // the relay tries (and fails, sends time out after 3 s) for a while: the rows wait, unpublished
        await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
        assertEquals(5, OutboxRows.unpublished(em));

        KafkaOutageResource.proxy.restore();
        List<String> expected = new ArrayList<>(List.of(before.toString()));
        during.forEach(id -> expected.add(id.toString()));
        await().atMost(Duration.ofSeconds(60)).until(() -> ids(key).size() >= 6);
        List<String> seen = ids(key);
        assertTrue(seen.containsAll(expected), "every event arrives: " + seen);
        assertEquals(expected, seen.stream().distinct().toList(), "in the order written");
        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRows.unpublished(em) == 0);
        // timeouts while the broker was away are no fault of the rows: none counted an attempt, none set aside
        assertEquals(0, OutboxRows.count(em, "attempts > 0 or quarantined_at is not null or last_error is not null"));
    }

    private UUID write(String key, int n) {
        return QuarkusTransaction.requiringNew()
                .call(() -> outbox.add(TOPIC, key, "vn.gov.eid.test.happened.v1", Map.of("n", n)));
    }

    /** ce_ids of the key's records on the broker (through the proxy: the broker advertises its address). */
    private static List<String> ids(String key) {
        return TestKafka.readAll("localhost:" + KafkaOutageResource.proxy.port(), TOPIC).stream()
                .filter(r -> key.equals(r.key()))
                .map(OutboxKafkaOutageTest::ceId)
                .toList();
    }

    private static String ceId(ConsumerRecord<String, String> r) {
        return new String(r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }
}
