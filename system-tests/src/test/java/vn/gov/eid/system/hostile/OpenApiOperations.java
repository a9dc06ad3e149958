package vn.gov.eid.system.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The operations of one service's OpenAPI 3 document (as served at {@code /q/openapi?format=json}): path, method,
 * parameters, request body media type, schema and examples, and the roles its security requirement names.
 * Schemas stay Jackson trees; {@link #resolve} follows {@code $ref}.
 */
public final class OpenApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");

    /** A path, query or header parameter. */
    public record Parameter(String name, String in, JsonNode schema, boolean required) {}

    /**
     * One operation.
     *
     * @param examples the request body examples of the document (empty when it has none)
     * @param roles    the roles the security requirement lists (empty when it lists none, e.g. {@code jwt: []})
     * @param secured  whether any security requirement applies
     */
    public record Operation(
            String service,
            String method,
            String path,
            List<Parameter> parameters,
            String bodyMediaType,
            JsonNode bodySchema,
            List<JsonNode> examples,
            List<String> roles,
            boolean secured) {

        public String id() {
            return method + " " + path;
        }

        public boolean hasBody() {
            return bodyMediaType != null;
        }

        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }
    }

    private final String service;
    private final JsonNode root;

    private OpenApiOperations(String service, JsonNode root) {
        this.service = service;
        this.root = root;
    }

    public static OpenApiOperations parse(String service, String json) {
        try {
            return new OpenApiOperations(service, new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenAPI JSON document of " + service, e);
        }
    }

    public String service() {
        return service;
    }

    /** Every operation of every path, in document order. */
    public List<Operation> operations() {
        List<Operation> ops = new ArrayList<>();
        JsonNode globalSecurity = root.path("security");
        for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            List<Parameter> shared = parameters(path.getValue().path("parameters"));
            for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                if (!METHODS.contains(m.getKey())) {
                    continue;
                }
                JsonNode op = m.getValue();
                List<Parameter> params = new ArrayList<>(shared);
                params.addAll(parameters(op.path("parameters")));
                String mediaType = null;
                JsonNode schema = MissingNode.getInstance();
                List<JsonNode> examples = new ArrayList<>();
                Iterator<Map.Entry<String, JsonNode>> content =
                        op.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> c = content.next();
                    mediaType = c.getKey();
                    schema = resolve(c.getValue().path("schema"));
                    if (c.getValue().has("example")) {
                        examples.add(c.getValue().get("example"));
                    }
                    c.getValue().path("examples").forEach(e -> {
                        if (e.has("value")) {
                            examples.add(e.get("value"));
                        }
                    });
                }
                JsonNode security = op.has("security") ? op.get("security") : globalSecurity;
                List<String> roles = new ArrayList<>();
                boolean secured = false;
                for (JsonNode requirement : security) {
                    for (Iterator<Map.Entry<String, JsonNode>> r = requirement.fields(); r.hasNext(); ) {
                        secured = true;
                        r.next().getValue().forEach(role -> roles.add(role.asText()));
                    }
                }
                ops.add(new Operation(
                        service,
                        m.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        List.copyOf(params),
                        mediaType,
                        schema,
                        List.copyOf(examples),
                        List.copyOf(roles),
                        secured));
            }
        }
        return ops;
    }

    private List<Parameter> parameters(JsonNode list) {
        List<Parameter> params = new ArrayList<>();
        for (JsonNode p : list) {
            JsonNode param = resolve(p);
            params.add(new Parameter(
                    param.path("name").asText(),
                    param.path("in").asText(),
                    resolve(param.path("schema")),
                    param.path("required").asBoolean(false)));
        }
        return params;
    }

    /** The schema itself, following {@code $ref} to {@code #/components/...} (also through allOf of one). */
    public JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int hops = 0; hops < 20; hops++) {
            if (s.has("$ref")) {
                s = root.at(s.get("$ref").asText().substring(1));
            } else if (s.has("allOf") && s.get("allOf").size() == 1) {
                s = s.get("allOf").get(0);
            } else {
                return s;
            }
        }
        throw new IllegalStateException("$ref cycle at " + schema);
    }
}
