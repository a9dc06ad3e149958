package vn.gov.eid.contracts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stored contracts (docs/openapi) against the released ones (docs/openapi/baseline): nothing a client of a
 * released version relies on may break. And the check itself: it does see a break, and lets one through under a
 * new version.
 */
class ApiCompatibilityTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DIR = Path.of(System.getProperty("eid.contracts.dir", "../docs/openapi"));

    @ParameterizedTest
    @ValueSource(strings = {"identity-service", "dossier-service", "notification-service"})
    void theContractKeepsEveryReleasedVersion(String service) throws IOException {
        List<String> problems = CompatibilityCheck.problems(service, baseline(service), current(service));
        assertTrue(problems.isEmpty(), String.join("\n\n", problems));
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity-service", "dossier-service", "notification-service"})
    void aRemovedOperationIsABreak(String service) throws IOException {
        JsonNode baseline = baseline(service);
        ObjectNode changed = baseline.deepCopy();
        String victim = firstVersionedPath(changed);
        ((ObjectNode) changed.path("paths")).remove(victim);
        List<String> problems = CompatibilityCheck.problems(service, baseline, changed);
        assertFalse(problems.isEmpty(), "removing " + victim + " went unnoticed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity-service", "dossier-service", "notification-service"})
    void aNewRequiredRequestFieldIsABreak(String service) throws IOException {
        JsonNode baseline = baseline(service);
        ObjectNode changed = baseline.deepCopy();
        String schema = requestSchemaOfFirstJsonBody(changed);
        requireNewField((ObjectNode) changed.path("components").path("schemas").path(schema));
        assertFalse(
                CompatibilityCheck.problems(service, baseline, changed).isEmpty(),
                "a new required field of " + schema + " went unnoticed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity-service", "dossier-service", "notification-service"})
    void aBreakingChangeIsAllowedUnderANewVersionWhileTheReleasedOneStays(String service) throws IOException {
        JsonNode baseline = baseline(service);
        ObjectNode changed = baseline.deepCopy();
        String schema = requestSchemaOfFirstJsonBody(changed);
        ObjectNode schemas = (ObjectNode) changed.path("components").path("schemas");
        ObjectNode v2Schema = schemas.path(schema).deepCopy();
        requireNewField(v2Schema);
        schemas.set(schema + "V2", v2Schema);
        ObjectNode paths = (ObjectNode) changed.path("paths");
        String v2Paths = baseline.path("paths")
                .toString()
                .replace("\"/api/v1/", "\"/api/v2/")
                .replace("\"#/components/schemas/" + schema + "\"", "\"#/components/schemas/" + schema + "V2\"");
        JSON.readTree(v2Paths).fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("/api/v2/")) {
                paths.set(e.getKey(), e.getValue());
            }
        });
        assertTrue(CompatibilityCheck.versions(changed).contains("v2"));
        List<String> problems = CompatibilityCheck.problems(service, baseline, changed);
        assertTrue(problems.isEmpty(), String.join("\n", problems));

        // and v1 may not simply go once v2 is there
        ObjectNode withoutV1 = changed.deepCopy();
        ((ObjectNode) withoutV1.path("paths")).retain(List.copyOf(CompatibilityCheck.pathsOf(changed, "v2")));
        List<String> removed = CompatibilityCheck.problems(service, baseline, withoutV1);
        assertFalse(removed.isEmpty(), "removing v1 went unnoticed");
    }

    private static void requireNewField(ObjectNode schema) {
        schema.withObject("/properties").putObject("mandatoryNewField").put("type", "string");
        schema.withArray("/required").add("mandatoryNewField");
    }

    private static String firstVersionedPath(JsonNode doc) {
        var names = doc.path("paths").fieldNames();
        while (names.hasNext()) {
            String path = names.next();
            if (!CompatibilityCheck.version(path).equals(CompatibilityCheck.UNVERSIONED)) {
                return path;
            }
        }
        throw new AssertionError("no versioned path");
    }

    /** The schema of the first JSON request body that names one in components. */
    private static String requestSchemaOfFirstJsonBody(JsonNode doc) {
        for (JsonNode item : (Iterable<JsonNode>) doc.path("paths")::elements) {
            for (JsonNode op : (Iterable<JsonNode>) item::elements) {
                String ref = op.path("requestBody")
                        .path("content")
                        .path("application/json")
                        .path("schema")
                        .path("$ref")
                        .asText("");
                if (ref.startsWith("#/components/schemas/")) {
                    return ref.substring("#/components/schemas/".length());
                }
            }
        }
        throw new AssertionError("no JSON request body with a component schema");
    }

    private static JsonNode baseline(String service) throws IOException {
        return read(DIR.resolve("baseline").resolve(service + ".yaml"));
    }

    private static JsonNode current(String service) throws IOException {
        return read(DIR.resolve(service + ".yaml"));
    }

    private static JsonNode read(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new AssertionError("missing " + file.toAbsolutePath().normalize());
        }
        return YAML.readTree(file.toFile());
    }
}
