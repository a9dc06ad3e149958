package vn.gov.eid.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks of a service's HTTP contract: the document it serves at {@code /q/openapi} is the one stored in the
 * repository (docs/openapi/&lt;service&gt;.yaml), every request body and success response has an example, and
 * every operation is as public or as secured as the document says.
 */
public final class ApiContract {

    /** How to bring the stored documents up to date after an intended change (also in the README). */
    public static final String REGENERATE =
            "./mvnw -Dquarkus.smallrye-openapi.store-schema-directory=$PWD/docs/openapi -DskipTests package"
                    + " -pl identity-service,dossier-service,notification-service -am";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** Values for path parameters in requests without a token: well-formed, naming nothing in particular. */
    private static final Map<String, String> PATH_VALUES = Map.of(
            "id", "7d0c9a4e-2b1f-4c55-9e0a-3f1b2c3d4e5f",
            "personalIdNumber", "001203012345",
            "partition", "0",
            "offset", "0",
            "type", "HEALTH_INSURANCE");

    private final String service;
    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param service the service's name (its document is docs/openapi/&lt;service&gt;.yaml)
     * @param base the running service's base URL
     */
    public ApiContract(String service, URI base) {
        this.service = service;
        this.base = base;
    }

    /** The stored document, as the repository has it (module directories are one level below the root). */
    public static Path storedFile(String service) {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/openapi").resolve(service + ".yaml");
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(
                "no docs/openapi/" + service + ".yaml above " + here + "; create it with: " + REGENERATE);
    }

    public JsonNode served() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(base.resolve("/q/openapi?format=yaml"))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "GET /q/openapi");
        return YAML.readTree(r.body());
    }

    public static JsonNode stored(String service) throws IOException {
        return YAML.readTree(storedFile(service).toFile());
    }

    /** Fails, naming the differing places, when the served document is not the stored one. */
    public void assertServedIsStored() throws IOException, InterruptedException {
        JsonNode served = served();
        JsonNode stored = stored(service);
        if (!served.equals(stored)) {
            List<String> differences = new ArrayList<>();
            diff("", stored, served, differences);
            fail("the served OpenAPI document of " + service + " differs from docs/openapi/" + service + ".yaml at "
                    + differences.subList(0, Math.min(20, differences.size()))
                    + "; if the change is intended, regenerate the stored documents with: " + REGENERATE
                    + " (and review the diff: it is a change of the contract partners code against)");
        }
    }

    /** Every request body and every success response with content has a schema and shows an example. */
    public void assertBodiesDescribed() throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        forEachOperation(served(), (path, method, op) -> {
            op.path("requestBody").path("content").fields().forEachRemaining(media -> {
                described(media.getValue(), method + " " + path + " request " + media.getKey(), missing);
            });
            op.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2")) {
                    response.getValue().path("content").fields().forEachRemaining(media -> {
                        described(
                                media.getValue(),
                                method + " " + path + " " + response.getKey() + " " + media.getKey(),
                                missing);
                    });
                }
            });
        });
        assertTrue(missing.isEmpty(), String.join("; ", missing));
    }

    private static void described(JsonNode media, String what, List<String> missing) {
        if (!media.has("schema")) {
            missing.add(what + " has no schema");
        }
        boolean example = media.hasNonNull("example")
                || (media.path("examples").isObject() && !media.path("examples").isEmpty());
        if (!example) {
            missing.add(what + " has no example");
        }
    }

    /**
     * Calls every operation without a token: one that declares a security requirement must answer 401 with a
     * problem, one that declares {@code security: []} must not ask for a token.
     */
    public void assertSecurityAsDeclared() throws IOException, InterruptedException {
        List<String> wrong = new ArrayList<>();
        int[] secured = {0};
        int[] open = {0};
        forEachOperation(served(), (path, method, op) -> {
            JsonNode security = op.get("security");
            if (security == null) {
                wrong.add(method + " " + path + " declares no security");
                return;
            }
            int status = callWithoutToken(path, method, op);
            if (security.isEmpty()) {
                open[0]++;
                if (status == 401) {
                    wrong.add(method + " " + path + " is declared public but answered 401");
                }
            } else {
                secured[0]++;
                if (status != 401) {
                    wrong.add(method + " " + path + " is declared secured but answered " + status + " without a token");
                }
                if (!op.path("responses").has("401") || !op.path("responses").has("403")) {
                    wrong.add(method + " " + path + " documents no 401 or 403");
                }
            }
        });
        assertTrue(wrong.isEmpty(), String.join("; ", wrong));
        assertNotEquals(0, secured[0] + open[0], "the document has no operation");
    }

    private int callWithoutToken(String path, String method, JsonNode op) {
        String concrete = path;
        for (Map.Entry<String, String> e : PATH_VALUES.entrySet()) {
            concrete = concrete.replace("{" + e.getKey() + "}", e.getValue());
        }
        if (concrete.contains("{")) {
            throw new AssertionError("no test value for a path parameter of " + path + " (add it to PATH_VALUES)");
        }
        Iterator<String> media = op.path("requestBody").path("content").fieldNames();
        String contentType = media.hasNext() ? media.next() : null;
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(concrete)).timeout(Duration.ofSeconds(30));
        if (contentType == null) {
            request.method(method.toUpperCase(), HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType)
                    .method(
                            method.toUpperCase(),
                            HttpRequest.BodyPublishers.ofString(contentType.contains("json") ? "{}" : ""));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new AssertionError(method + " " + concrete + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonNode operation);
    }

    private static void forEachOperation(JsonNode doc, OperationVisitor visitor) {
        doc.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (METHODS.contains(op.getKey())) {
                        visitor.visit(path.getKey(), op.getKey(), op.getValue());
                    }
                }));
    }

    private static void diff(String at, JsonNode stored, JsonNode served, List<String> out) {
        if (stored != null && served != null && stored.isObject() && served.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            stored.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(at + "/" + name, stored.get(name), served.get(name), out);
            }
        } else if (stored == null || !stored.equals(served)) {
            out.add(at + (stored == null ? " (only served)" : served == null ? " (only stored)" : " (changed)"));
        }
    }
}
