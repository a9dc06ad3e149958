package vn.gov.eid.dossier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.dossier.DossierApi.step;
import static vn.gov.eid.dossier.DossierApi.submitted;

import io.quarkus.logging.Log;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestKafka;

/** The completed event reaches the topic promptly after the COMPLETE answer: no multi-second polling delay. */
@QuarkusTest
class EventLatencyTest {
    static final int RUNS = 10;
    static final long BUDGET_MS = 2000;

    @Test
    void completedEventIsOnTheTopicWithinABudgetAfterTheAnswer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> tps = consumer.partitionsFor(DossierApi.TOPIC, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(DossierApi.TOPIC, i.partition())).toList();
            consumer.assign(tps);
            consumer.seekToEnd(tps);
            tps.forEach(consumer::position);
            List<Long> latencies = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                Map<String, Object> body = DossierApi.newIssue();
                String pid = DossierApi.pidOf(body);
                String id = submitted(body);
                List.of("START_REVIEW", "APPROVE").forEach(a -> step(id, a));
                long answered = System.nanoTime();
                DossierApi.act(id, "COMPLETE", null, DossierApi.supervisor()).then().statusCode(200);
                long deadline = answered + Duration.ofSeconds(10).toNanos();
                Long seen = null;
                while (seen == null && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(20))) {
                        if (pid.equals(r.key()) && "vn.gov.eid.dossier.completed.v1"
                                .equals(DossierWorkflowTest.header(r, "ce_type"))) {
                            seen = System.nanoTime();
                        }
                    }
                }
                assertTrue(seen != null, "completed event never arrived for " + pid);
                latencies.add((seen - answered) / 1_000_000);
            }
            Collections.sort(latencies);
            Log.infof("COMPLETE request -> completed record consumed, ms over %d runs: min %d, median %d, max %d",
                    RUNS, latencies.get(0), latencies.get(RUNS / 2), latencies.get(RUNS - 1));
            assertEquals(RUNS, latencies.size());
            assertTrue(latencies.get(RUNS - 1) < BUDGET_MS, "slowest delivery " + latencies.get(RUNS - 1) + " ms");
        }
    }
}
