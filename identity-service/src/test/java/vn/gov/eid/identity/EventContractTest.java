package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.identity.Fixtures.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.TestKafka;

/**
 * Every record identity-service wrote to Kafka matches the JSON Schema of its ce_type in contracts/events, and
 * so does each example there. Producer side of the contract tests.
 */
@QuarkusTest
class EventContractTest {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @jakarta.inject.Inject
    vn.gov.eid.identity.service.PasswordHasher hasher;

    private static final Path EVENTS = Path.of("..", "contracts", "events");
    private static final List<String> PRODUCED = List.of(
            "vn.gov.eid.account.created.v1",
            "vn.gov.eid.account.activated.v1",
            "vn.gov.eid.account.locked.v1",
            "vn.gov.eid.account.unlocked.v1",
            "vn.gov.eid.account.credential-reset.v1",
            "vn.gov.eid.account.credential-changed.v1",
            "vn.gov.eid.account.upgraded.v1",
            "vn.gov.eid.sms.requested.v1");

    private static JsonSchema schema(String type) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(Files.readString(EVENTS.resolve(type + ".schema.json")), config);
    }

    @Test
    void recordsWrittenToKafkaMatchTheirSchemas() throws Exception {
        // Produce one event of each type: created + SMS, activated, credential changed (recovery code), locked,
        // unlocked, credential reset.
        String pid = newPersonalId();
        String phone = newPhone();
        String temp = createAccount(pid, phone);
        String restricted = login(pid, temp).path("access_token");
        given().auth()
                .oauth2(restricted)
                .contentType("application/json")
                .body(Map.of("currentPassword", temp, "newPassword", "Contract_2026"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(204);
        requestRecoveryCode(pid, phone).then().statusCode(202);
        confirmRecovery(pid, awaitRecoveryCode(pid, 1), "Recovered_2026").then().statusCode(204);
        for (int i = 0; i < 5; i++) {
            login(pid, "Wrong_pass_" + i);
        }
        for (String action : List.of("unlock", "credential-resets")) {
            given().auth()
                    .oauth2(operatorToken())
                    .contentType("application/json")
                    .body(Map.of("reason", "contract test"))
                    .post("/api/v1/accounts/" + pid + "/" + action)
                    .then()
                    .statusCode(action.equals("unlock") ? 200 : 202);
        }
        String level1 = newPersonalId();
        insertLevel1Account(em, hasher, level1, "App_pass_2025", newPhone());
        sendCompleted(level1, newPhone());
        awaitRecords(ACCOUNTS_TOPIC, level1, "vn.gov.eid.account.upgraded.v1", 1);
        for (String type : PRODUCED) {
            if (!type.endsWith("upgraded.v1")) {
                awaitRecords(type.startsWith("vn.gov.eid.sms") ? SMS_TOPIC : ACCOUNTS_TOPIC, pid, type, 1);
            }
        }

        Map<String, Integer> validated = new HashMap<>();
        for (String topic : List.of(ACCOUNTS_TOPIC, SMS_TOPIC)) {
            for (ConsumerRecord<String, String> r : TestKafka.readAll(topic)) {
                String type = header(r, "ce_type");
                assertTrue(PRODUCED.contains(type), "unexpected ce_type " + type + " on " + topic);
                JsonNode data = json(r.value());
                Set<ValidationMessage> errors = schema(type).validate(data);
                assertTrue(errors.isEmpty(), type + " record breaks its schema: " + errors);
                assertEquals(data.get("personalIdNumber").asText(), r.key(), "Kafka key is not the personal ID number");
                assertEquals("1.0", header(r, "ce_specversion"));
                assertEquals("application/json", header(r, "content-type"));
                validated.merge(type, 1, Integer::sum);
            }
        }
        for (String type : PRODUCED) {
            assertTrue(validated.getOrDefault(type, 0) > 0, "no " + type + " record was checked");
        }
    }

    @Test
    void examplesMatchTheirSchemasAndSchemasRejectLeaks() throws Exception {
        for (String type : PRODUCED) {
            JsonNode example = json(Files.readString(EVENTS.resolve(type + ".example.json")));
            assertEquals(Set.of(), schema(type).validate(example), type + " example");
        }
        // additionalProperties=false keeps contact data out of partner events.
        JsonNode leaking = json(Files.readString(EVENTS.resolve("vn.gov.eid.account.created.v1.example.json")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) leaking).put("phone", "+84912345678");
        assertTrue(!schema("vn.gov.eid.account.created.v1").validate(leaking).isEmpty());
    }
}
