package vn.gov.eid.dossier;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.dossier.DossierApi.step;
import static vn.gov.eid.dossier.DossierApi.submitted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.gov.eid.testsupport.TestKafka;

/** Contract test: every record this service wrote to dossier.events.v1 matches the schema of its ce_type. */
@QuarkusTest
class EventSchemaTest {
    private static final Path EVENTS = Path.of("..", "contracts", "events");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES = List.of(
            "vn.gov.eid.dossier.submitted.v1",
            "vn.gov.eid.dossier.approved.v1",
            "vn.gov.eid.dossier.rejected.v1",
            "vn.gov.eid.dossier.completed.v1");

    static JsonSchema schema(String ceType) throws Exception {
        JsonNode node = JSON.readTree(Files.readString(EVENTS.resolve(ceType + ".schema.json")));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(node);
    }

    @Test
    void everyProducedRecordMatchesItsSchema() throws Exception {
        String completedId = submitted(DossierApi.newIssue());
        List.of("START_REVIEW", "APPROVE", "COMPLETE").forEach(a -> step(completedId, a));
        Map<String, Object> noRegistration = DossierApi.newIssue();
        noRegistration.remove("eidRegistration");
        String plainId = submitted(noRegistration);
        List.of("START_REVIEW", "APPROVE", "COMPLETE").forEach(a -> step(plainId, a));
        String rejectedId = submitted(DossierApi.newIssue());
        step(rejectedId, "REJECT");

        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> TestKafka.readAll(DossierApi.TOPIC),
                        r -> typesIn(r).containsAll(TYPES)
                                && r.stream()
                                        .anyMatch(x -> x.value().contains(plainId)
                                                && x.value().contains("completedAt")));
        for (ConsumerRecord<String, String> r : records) {
            String type = DossierWorkflowTest.header(r, "ce_type");
            assertTrue(TYPES.contains(type), "unknown type on the topic: " + type);
            JsonNode data = JSON.readTree(r.value());
            Set<ValidationMessage> errors = schema(type).validate(data);
            assertEquals(Set.of(), errors, type + " record " + r.value());
            assertEquals(data.get("personalIdNumber").asText(), r.key(), "key = personal ID number");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "vn.gov.eid.dossier.submitted.v1",
                "vn.gov.eid.dossier.approved.v1",
                "vn.gov.eid.dossier.rejected.v1",
                "vn.gov.eid.dossier.completed.v1"
            })
    void exampleMatchesSchemaAndSchemaRejectsClearContacts(String type) throws Exception {
        JsonSchema schema = schema(type);
        JsonNode example = JSON.readTree(Files.readString(EVENTS.resolve(type + ".example.json")));
        assertEquals(Set.of(), schema.validate(example));
        // A producer that leaks the phone in clear must fail the contract.
        com.fasterxml.jackson.databind.node.ObjectNode leaky = example.deepCopy();
        leaky.put("phoneNumber", "+84912345678");
        assertTrue(!schema.validate(leaky).isEmpty(), "schema must refuse unknown members such as phoneNumber");
    }

    static Set<String> typesIn(List<ConsumerRecord<String, String>> records) {
        Set<String> types = new TreeSet<>();
        records.forEach(r -> types.add(DossierWorkflowTest.header(r, "ce_type")));
        return types;
    }
}
