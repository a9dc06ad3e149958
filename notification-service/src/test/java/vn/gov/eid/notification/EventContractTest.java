package vn.gov.eid.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static vn.gov.eid.notification.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestKafka;

/**
 * Producer side: every status and dead-letter record notification-service wrote matches its schema in
 * contracts/events; consumer side: the request example of identity-service's contract is accepted.
 */
@QuarkusTest
class EventContractTest {

    private static final Path EVENTS = Path.of("..", "contracts", "events");

    private static JsonSchema schema(String type) throws Exception {
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(EVENTS.resolve(type + ".schema.json")), config);
    }

    private static String header(ConsumerRecord<String, String> rec, String name) {
        var h = rec.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void producedRecordsMatchTheirSchemas() throws Exception {
        Request r = send("INITIAL_CREDENTIAL");
        awaitState(r, "DELIVERED");
        SmscTestResource.smsc.reject(org.jsmpp.SMPPConstant.STAT_ESME_RINVDSTADR, 1);
        Request failed = send("UPGRADE_NOTICE");
        awaitState(failed, "FAILED");
        SmscTestResource.smsc.clearFaults();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> records(STATUS, r.pid()).size() == 3
                        && records(DLQ, failed.pid()).size() == 1);

        JsonSchema status = schema("vn.gov.eid.sms.status-changed.v1");
        JsonSchema dead = schema("vn.gov.eid.sms.dead-lettered.v1");
        int checked = 0;
        for (String topic : new String[] {STATUS, DLQ}) {
            for (ConsumerRecord<String, String> rec : TestKafka.readAll(topic)) {
                String type = header(rec, "ce_type");
                if (type == null || header(rec, "dead-letter-reason") != null) {
                    continue; // connector-made dead letters are copies of foreign records
                }
                assertEquals("/eid/notification-service", header(rec, "ce_source"));
                JsonSchema schema = type.equals("vn.gov.eid.sms.status-changed.v1") ? status : dead;
                Set<ValidationMessage> errors = schema.validate(JSON.readTree(rec.value()));
                assertEquals(Set.of(), errors, topic + " " + rec.value());
                checked++;
            }
        }
        assertFalse(checked < 6, "too few records checked: " + checked);
    }

    @Test
    void examplesMatchTheirSchemas() throws Exception {
        for (String type : new String[] {
            "vn.gov.eid.sms.status-changed.v1", "vn.gov.eid.sms.dead-lettered.v1", "vn.gov.eid.sms.requested.v1"
        }) {
            JsonNode example = JSON.readTree(Files.readString(EVENTS.resolve(type + ".example.json")));
            assertEquals(Set.of(), schema(type).validate(example), type);
        }
        JsonNode leaking =
                JSON.readTree(Files.readString(EVENTS.resolve("vn.gov.eid.sms.status-changed.v1.example.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) leaking).put("text", "Mat khau tam thoi: x");
        assertFalse(schema("vn.gov.eid.sms.status-changed.v1").validate(leaking).isEmpty(), "text must be refused");
    }
}
