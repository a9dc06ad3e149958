package vn.gov.eid.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The AsyncAPI document partners read lists every event type the services produce, with its schema. */
class AsyncApiTest {

    private static final Path ROOT =
            Path.of(System.getProperty("eid.repo.root", "..")).toAbsolutePath().normalize();

    @Test
    @SuppressWarnings("unchecked")
    void everyEventSchemaIsInTheAsyncApiDocumentUnderItsType() throws Exception {
        Map<String, Object> doc;
        try (Reader r = Files.newBufferedReader(ROOT.resolve("docs/asyncapi.yaml"))) {
            doc = new Yaml().load(r);
        }
        Map<String, Map<String, Object>> messages =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) doc.get("components")).get("messages");
        Set<String> documented = new TreeSet<>();
        for (Map<String, Object> m : messages.values()) {
            String name = (String) m.get("name");
            String ref = (String) ((Map<String, Object>) m.get("payload")).get("$ref");
            Path schema = ROOT.resolve("docs").resolve(ref).normalize();
            assertTrue(Files.isRegularFile(schema), name + ": missing schema " + schema);
            assertEquals(name + ".schema.json", schema.getFileName().toString(), "schema file of " + name);
            documented.add(name);
        }
        Set<String> produced;
        try (Stream<Path> files = Files.list(ROOT.resolve("contracts/events"))) {
            produced = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(produced, documented);
    }
}
