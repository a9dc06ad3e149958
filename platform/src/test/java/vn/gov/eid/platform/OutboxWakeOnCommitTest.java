package vn.gov.eid.platform;

import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.outbox.Outbox;
import vn.gov.eid.testsupport.InfraTestResource;
import vn.gov.eid.testsupport.TestKafka;

/**
 * The relay publishes right after the writing transaction commits, not on its next poll: with the poll set to
 * an hour, an event written after start still reaches the topic.
 */
@QuarkusTest
@TestProfile(OutboxWakeOnCommitTest.HourlyPoll.class)
@QuarkusTestResource(
        value = InfraTestResource.class,
        initArgs = @ResourceArg(name = "database", value = "platform_wake"),
        restrictToAnnotatedClass = true)
class OutboxWakeOnCommitTest {

    /** Polls once an hour (and once at start, before the test writes). */
    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("eid.outbox.poll-interval", "1h");
        }
    }

    @Inject
    Outbox outbox;

    @Test
    void eventIsPublishedByTheCommitNotByThePoll() {
        // let the schedule's first run (shortly after start) pass: the next one is an hour away
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        UUID id = QuarkusTransaction.requiringNew()
                .call(() ->
                        outbox.add("platform.test.v1", "001203000010", "vn.gov.eid.test.happened.v1", Map.of("n", 10)));
        // 30 s is a liveness bound for a loaded machine, far below the hour the poll would take
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestKafka.readAll("platform.test.v1").stream()
                        .anyMatch(r -> id.toString()
                                .equals(new String(
                                        r.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))));
    }
}
