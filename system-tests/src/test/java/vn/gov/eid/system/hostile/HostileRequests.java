package vn.gov.eid.system.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import vn.gov.eid.system.hostile.HostileRequest.Header;
import vn.gov.eid.system.hostile.Json.Edit;
import vn.gov.eid.system.hostile.OpenApiOperations.Operation;
import vn.gov.eid.system.hostile.OpenApiOperations.Parameter;

/**
 * Generates hostile requests from OpenAPI operations. For each operation it first builds a base request (path
 * parameters from the fixtures, the document's body examples and a body generated from the schema), then derives
 * from it: bad path values, bad query values, bad and oversized headers, wrong content types and Accept headers,
 * malformed bodies, every body node replaced by every hostile value (paired so that each node and each value occurs),
 * members removed and added, and the methods the path does not declare. Everything is derived from a fixed seed:
 * the same document and fixtures give the same requests in the same order.
 */
public final class HostileRequests {

    /** What a schema cannot say: which things exist, and values that pass the services' own rules. */
    public interface Fixtures {

        /** The unescaped value of a path parameter in the base request, or null to generate one from its schema. */
        String pathValue(Operation op, Parameter p);

        /**
         * The value of the body member at this JSON Pointer in every base body (examples included), or null to keep
         * the example's or generate one from the schema.
         */
        JsonNode bodyValue(Operation op, String pointer);
    }

    /** Which credentials to send. */
    public interface Credentials {

        /** Every credential name (roles, {@code none}, bad tokens), in a fixed order. */
        List<String> all();

        /** The credentials that pass authentication and the role check of this operation (found by a probe). */
        List<String> admitted(Operation op);
    }

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "FOO");
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final long seed;
    private final Fixtures fixtures;
    private final Credentials credentials;

    public HostileRequests(long seed, Fixtures fixtures, Credentials credentials) {
        this.seed = seed;
        this.fixtures = fixtures;
        this.credentials = credentials;
    }

    /** The operation's first base request, with a given credential: what the probe sends. */
    public HostileRequest base(OpenApiOperations doc, Operation op, String credential) {
        Base base = new Base(doc, op);
        return base.request("base", credential, op.method(), base.target, base.headers(), base.bodies.get(0));
    }

    /**
     * Every hostile request for these operations of one document, except for form operations (the token endpoint:
     * see {@link #forForm}), in a fixed order.
     */
    public List<HostileRequest> generate(OpenApiOperations doc) {
        List<HostileRequest> all = new ArrayList<>();
        Set<String> pathsWithMethodsDone = new LinkedHashSet<>();
        List<Operation> ops = doc.operations();
        for (Operation op : ops) {
            if (FORM.equals(op.bodyMediaType())) {
                continue;
            }
            List<Variant> variants = variants(doc, op);
            if (pathsWithMethodsDone.add(op.path())) {
                variants.addAll(wrongMethods(doc, op, ops));
            }
            all.addAll(assignCredentials(op, variants));
        }
        return all;
    }

    /**
     * Hostile requests for a form operation (the token endpoint), at most {@code max}: duplicated and malformed
     * forms, other content types, wrong methods, members removed, and every member replaced by hostile values.
     */
    public List<HostileRequest> forForm(OpenApiOperations doc, Operation op, int max) {
        Base base = new Base(doc, op);
        Map<String, String> form = new LinkedHashMap<>();
        base.bodyTrees
                .get(0)
                .fields()
                .forEachRemaining(f -> form.put(f.getKey(), f.getValue().asText()));
        List<Variant> variants = new ArrayList<>();
        List<String> names = new ArrayList<>(form.keySet());
        List<Map.Entry<String, String>> values = new ArrayList<>(HostileValues.STRINGS.entrySet());
        Collections.shuffle(values, random(op, "form"));
        for (String name : names) {
            Map<String, String> mutated = new LinkedHashMap<>(form);
            mutated.remove(name);
            variants.add(base.body("form without " + name, formBody(mutated), FORM));
        }
        String valid = new String(formBody(form), StandardCharsets.UTF_8);
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("duplicate-members", valid + "&" + valid);
        raw.put("bad-escape", valid + "&x=%zz");
        raw.put("trailing-percent", valid + "%");
        raw.put("only-separators", "&&&==&");
        raw.put("no-values", String.join("&", names));
        raw.put("empty", "");
        raw.put("nul-byte", valid.replace("&", "\u0000&"));
        raw.put("deep-brackets", "grant_type" + "[a]".repeat(2000) + "=password");
        raw.put("many-members", "a=1&".repeat(20_000) + valid);
        raw.forEach(
                (name, body) -> variants.add(base.body("form " + name, body.getBytes(StandardCharsets.UTF_8), FORM)));
        variants.add(
                base.body("json instead of a form", toJson(form).getBytes(StandardCharsets.UTF_8), "application/json"));
        variants.add(base.body("text content type", valid.getBytes(StandardCharsets.UTF_8), "text/plain"));
        variants.add(base.body("no content type", valid.getBytes(StandardCharsets.UTF_8), null));
        variants.add(base.body(
                "form charset nonsense", valid.getBytes(StandardCharsets.UTF_8), FORM + "; charset=nonsense"));
        for (String m : List.of("GET", "PUT", "DELETE")) {
            variants.add(new Variant("wrong method " + m, m, base.target, base.headers(), null));
        }
        // last the logins themselves: with a login throttle they are the ones it may answer 429
        int pairs = Math.max(values.size(), names.size());
        for (int i = 0; i < pairs; i++) {
            String name = names.get(i % names.size());
            Map.Entry<String, String> v = values.get(i % values.size());
            Map<String, String> mutated = new LinkedHashMap<>(form);
            mutated.put(name, v.getValue());
            variants.add(base.body("form " + name + " = " + v.getKey(), formBody(mutated), FORM));
        }
        List<HostileRequest> requests = assignCredentials(op, variants);
        return requests.size() <= max ? requests : requests.subList(0, max);
    }

    /**
     * Requests that break HTTP itself rather than an operation: an over-long request line, oversized, NUL and CR/LF
     * header values, a space in the target, bad escapes, both Transfer-Encoding and Content-Length, two lengths, no
     * Host, a bad method token, the {@code *} target, a body over the 10 MiB limit.
     */
    public List<HostileRequest> protocol(OpenApiOperations doc) {
        List<Operation> ops = doc.operations();
        Operation get = ops.stream()
                .filter(o -> o.method().equals("GET") && o.secured())
                .findFirst()
                .orElse(ops.get(0));
        Operation post = ops.stream()
                .filter(o -> o.hasBody() && !FORM.equals(o.bodyMediaType()))
                .findFirst()
                .orElse(null);
        Base b = new Base(doc, get);
        String credential = credential(get, 0);
        List<HostileRequest> out = new ArrayList<>();
        String path = b.target.contains("?") ? b.target.substring(0, b.target.indexOf('?')) : b.target;
        out.add(b.request(
                "request line over 4 KiB", credential, "GET", path + "/" + "a".repeat(5000), List.of(), null));
        out.add(b.request("query over 4 KiB", credential, "GET", path + "?q=" + "a".repeat(9000), List.of(), null));
        out.add(b.request(
                "header of 30 KiB",
                credential,
                "GET",
                b.target,
                List.of(Header.of("X-Filler", "f".repeat(30 * 1024))),
                null));
        out.add(b.request(
                "NUL in a header value",
                credential,
                "GET",
                b.target,
                List.of(new Header("If-Match", new byte[] {'"', 'a', 0, '"'})),
                null));
        out.add(b.request(
                "CR LF in a header value",
                credential,
                "GET",
                b.target,
                List.of(Header.of("Accept", "application/json\r\nnot a header line")),
                null));
        out.add(b.request(
                "bare LF in a header value", credential, "GET", b.target, List.of(Header.of("X-A", "a\nb")), null));
        out.add(b.request(
                "header name with a space", credential, "GET", b.target, List.of(Header.of("Bad Name", "x")), null));
        out.add(b.request("space in the target", credential, "GET", path + "/a b", List.of(), null));
        out.add(b.request("bad escape in the path", credential, "GET", path + "/%zz", List.of(), null));
        out.add(b.request("bad escape in the query", credential, "GET", path + "?a=%zz", List.of(), null));
        out.add(b.request("trailing percent in the query", credential, "GET", path + "?a=%", List.of(), null));
        out.add(b.request("asterisk target", credential, "GET", "*", List.of(), null));
        out.add(b.request("bad method token", credential, "G@T", b.target, List.of(), null));
        out.add(new HostileRequest(
                doc.service(), get.id(), "no Host header", credential, "GET", b.target, List.of(), null, false, true));
        if (post != null) {
            Base p = new Base(doc, post);
            String c = credential(post, 0);
            byte[] body = p.bodies.get(0);
            out.add(new HostileRequest(
                    doc.service(),
                    post.id(),
                    "Transfer-Encoding and Content-Length",
                    c,
                    post.method(),
                    p.target,
                    List.of(
                            Header.of("Content-Type", post.bodyMediaType()),
                            Header.of("Transfer-Encoding", "chunked"),
                            Header.of("Content-Length", String.valueOf(body.length))),
                    ("0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1),
                    true,
                    false));
            out.add(new HostileRequest(
                    doc.service(),
                    post.id(),
                    "two different Content-Length",
                    c,
                    post.method(),
                    p.target,
                    List.of(
                            Header.of("Content-Type", post.bodyMediaType()),
                            Header.of("Content-Length", "2"),
                            Header.of("Content-Length", String.valueOf(body.length))),
                    body,
                    true,
                    false));
            byte[] huge = new byte[11 * 1024 * 1024];
            java.util.Arrays.fill(huge, (byte) ' ');
            huge[0] = '[';
            huge[huge.length - 1] = ']';
            out.add(p.request(
                    "body of 11 MiB",
                    c,
                    post.method(),
                    p.target,
                    List.of(Header.of("Content-Type", post.bodyMediaType())),
                    huge));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** One derived request before a credential is chosen. */
    private record Variant(String kind, String method, String target, List<Header> headers, byte[] body) {}

    private List<Variant> variants(OpenApiOperations doc, Operation op) {
        Base base = new Base(doc, op);
        List<Variant> v = new ArrayList<>();
        v.add(base.plain("base"));

        // path parameters
        for (Parameter p : op.parameters("path")) {
            HostileValues.pathSegments()
                    .forEach((name, segment) -> v.add(new Variant(
                            "path " + p.name() + " = " + name,
                            op.method(),
                            base.targetWith(p, segment),
                            base.headers(),
                            base.bodies.get(0))));
        }
        // query parameters, one at a time, plus repeats and strangers
        for (Parameter p : op.parameters("query")) {
            HostileValues.queryValues()
                    .forEach((name, value) -> v.add(base.plainAt(
                            "query " + p.name() + " = " + name,
                            base.target + sep(base.target) + p.name() + "=" + value)));
            v.add(base.plainAt(
                    "query " + p.name() + " twice",
                    base.target + sep(base.target) + p.name() + "=1&" + p.name() + "=x"));
            v.add(base.plainAt(
                    "query " + p.name() + " as array", base.target + sep(base.target) + p.name() + "%5B%5D=1"));
            v.add(base.plainAt("query " + p.name() + " without value", base.target + sep(base.target) + p.name()));
        }
        v.add(base.plainAt(
                "unknown query parameter",
                base.target + sep(base.target) + "debug=true&%24where=1&__proto__%5Badmin%5D=1"));

        // headers the operation declares, and the two every write could be asked to honour
        Set<String> headerNames = new LinkedHashSet<>();
        op.parameters("header").forEach(p -> headerNames.add(p.name()));
        if (!op.method().equals("GET")) {
            headerNames.add("Idempotency-Key");
            headerNames.add("If-Match");
        }
        for (String h : headerNames) {
            HostileValues.headerValues(h)
                    .forEach((name, value) ->
                            v.add(base.withHeader("header " + h + " = " + name, new Header(h, value))));
        }
        HostileValues.ACCEPT.forEach(
                (name, value) -> v.add(base.withHeader("Accept = " + name, Header.of("Accept", value))));
        HostileValues.ODD_HEADERS.forEach(
                (name, value) -> v.add(base.withHeader("header " + name, Header.of(name, value))));

        if (op.hasBody()) {
            HostileValues.CONTENT_TYPES.forEach(
                    (name, value) -> v.add(base.body("Content-Type = " + name, base.bodies.get(0), value)));
            v.add(base.body("no Content-Type", base.bodies.get(0), null));
            v.add(base.body("no body", null, op.bodyMediaType()));
            for (Map.Entry<String, byte[]> m :
                    HostileValues.malformedBodies(new String(base.bodies.get(0), StandardCharsets.UTF_8))) {
                v.add(base.body("malformed body " + m.getKey(), m.getValue(), op.bodyMediaType()));
            }
            for (int i = 0; i < base.bodyTrees.size(); i++) {
                v.addAll(bodyMutations(doc, op, base, i));
            }
        } else {
            v.add(base.body("unexpected JSON body", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "application/json"));
            v.add(base.body(
                    "unexpected huge body", HostileValues.HUGE_ASCII.getBytes(StandardCharsets.UTF_8), "text/plain"));
        }
        return v;
    }

    /** Each node of a base body replaced by hostile values, removed, and members added. */
    private List<Variant> bodyMutations(OpenApiOperations doc, Operation op, Base base, int which) {
        JsonNode tree = base.bodyTrees.get(which);
        List<Target> targets = new ArrayList<>();
        collectTargets(doc, tree, op.bodySchema(), "", targets);
        Map<String, String> valueMap = new LinkedHashMap<>();
        HostileValues.STRINGS.forEach((name, value) -> valueMap.put(name, Json.quote(value)));
        HostileValues.JSON_FRAGMENTS.forEach((name, value) -> valueMap.put("json " + name, value));
        List<Map.Entry<String, String>> values = new ArrayList<>(valueMap.entrySet());
        Random random = random(op, "body" + which);
        Collections.shuffle(targets, random);
        Collections.shuffle(values, random);
        List<Variant> out = new ArrayList<>();
        String label = "body#" + which + " ";
        int pairs = Math.max(targets.size(), values.size());
        for (int i = 0; i < pairs; i++) {
            Target t = targets.get(i % targets.size());
            Map.Entry<String, String> value = values.get(i % values.size());
            Edit edit = new Edit(t.pointer, t.addName, value.getValue());
            out.add(base.body(
                    label + t.describe() + " = " + value.getKey(), bytes(Json.write(tree, edit)), op.bodyMediaType()));
        }
        for (Target t : targets) {
            if (t.addName == null) {
                out.add(base.body(
                        label + "without " + t.pointer,
                        bytes(Json.write(tree, new Edit(t.pointer, null, null))),
                        op.bodyMediaType()));
            }
        }
        return out;
    }

    /** Where a body can be changed: each node, plus the members a schema object declares but the body lacks. */
    private record Target(String pointer, String addName) {
        String describe() {
            return addName == null ? pointer : pointer + "/+" + addName;
        }
    }

    private void collectTargets(
            OpenApiOperations doc, JsonNode node, JsonNode schema, String pointer, List<Target> out) {
        JsonNode s = doc.resolve(schema);
        if (!pointer.isEmpty()) {
            out.add(new Target(pointer, null));
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                collectTargets(
                        doc, f.getValue(), s.path("properties").path(f.getKey()), pointer + "/" + f.getKey(), out);
            }
            for (Iterator<String> names = s.path("properties").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!node.has(name)) {
                    out.add(new Target(pointer, name));
                }
            }
            out.add(new Target(pointer, "unexpectedMember"));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectTargets(doc, node.get(i), s.path("items"), pointer + "/" + i, out);
            }
        }
    }

    private List<Variant> wrongMethods(OpenApiOperations doc, Operation op, List<Operation> ops) {
        Set<String> declared = new LinkedHashSet<>();
        ops.stream().filter(o -> o.path().equals(op.path())).forEach(o -> declared.add(o.method()));
        Base base = new Base(doc, op);
        List<Variant> v = new ArrayList<>();
        for (String m : METHODS) {
            if (!declared.contains(m)) {
                v.add(new Variant("undeclared method " + m, m, base.target, base.headers(), base.bodies.get(0)));
            }
        }
        v.add(new Variant("HEAD", "HEAD", base.target, base.headers(), null));
        return v;
    }

    /**
     * Most variants go with a credential the operation admits (so they reach the code behind the role check); every
     * eighth goes with one it does not admit, no token or a bad token.
     */
    private List<HostileRequest> assignCredentials(Operation op, List<Variant> variants) {
        List<HostileRequest> out = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            out.add(new HostileRequest(
                    op.service(),
                    op.id(),
                    v.kind(),
                    credential(op, i),
                    v.method(),
                    v.target(),
                    v.headers(),
                    v.body(),
                    true,
                    true));
        }
        return out;
    }

    private String credential(Operation op, int i) {
        List<String> admitted = credentials.admitted(op);
        List<String> others =
                credentials.all().stream().filter(c -> !admitted.contains(c)).toList();
        if (admitted.isEmpty() || (i % 8 == 7 && !others.isEmpty())) {
            return others.get((i / 8) % others.size());
        }
        return admitted.get(i % admitted.size());
    }

    private Random random(Operation op, String purpose) {
        return new Random(seed ^ (op.service() + " " + op.id() + " " + purpose).hashCode());
    }

    /** The base request of an operation: target with fixture path values, body trees and their bytes. */
    private final class Base {
        final OpenApiOperations doc;
        final Operation op;
        final String target;
        final List<JsonNode> bodyTrees = new ArrayList<>();
        final List<byte[]> bodies = new ArrayList<>();
        final List<Header> required = new ArrayList<>();

        Base(OpenApiOperations doc, Operation op) {
            this.doc = doc;
            this.op = op;
            String t = op.path();
            for (Parameter p : op.parameters("path")) {
                String value = fixtures.pathValue(op, p);
                if (value == null) {
                    value = sample(doc, op, p.schema(), "").asText();
                }
                t = t.replace("{" + p.name() + "}", HostileValues.escape(value));
            }
            for (Parameter p : op.parameters("query")) {
                if (p.required()) {
                    t = t + sep(t) + p.name() + "="
                            + HostileValues.escape(
                                    sample(doc, op, p.schema(), "").asText());
                }
            }
            this.target = t;
            for (Parameter p : op.parameters("header")) {
                if (p.required()) {
                    required.add(
                            Header.of(p.name(), sample(doc, op, p.schema(), "").asText()));
                }
            }
            if (op.hasBody()) {
                for (JsonNode example : op.examples()) {
                    bodyTrees.add(withFixtures(op, example.deepCopy(), ""));
                }
                bodyTrees.add(sample(doc, op, op.bodySchema(), ""));
            } else {
                bodyTrees.add(null);
            }
            for (JsonNode tree : bodyTrees) {
                if (tree == null) {
                    bodies.add(null);
                } else if (FORM.equals(op.bodyMediaType())) {
                    Map<String, String> form = new LinkedHashMap<>();
                    tree.fields()
                            .forEachRemaining(
                                    f -> form.put(f.getKey(), f.getValue().asText()));
                    bodies.add(formBody(form));
                } else {
                    bodies.add(bytes(Json.write(tree, Edit.NONE)));
                }
            }
        }

        String targetWith(Parameter p, String segment) {
            String t = op.path().replace("{" + p.name() + "}", segment);
            for (Parameter other : op.parameters("path")) {
                if (other != p) {
                    String value = fixtures.pathValue(op, other);
                    t = t.replace(
                            "{" + other.name() + "}",
                            HostileValues.escape(
                                    value != null
                                            ? value
                                            : sample(doc, op, other.schema(), "")
                                                    .asText()));
                }
            }
            return t + (target.contains("?") ? target.substring(target.indexOf('?')) : "");
        }

        /** The required header parameters, and Content-Type when there is a body. */
        List<Header> headers() {
            return contentTyped(op.hasBody() ? op.bodyMediaType() : null);
        }

        List<Header> contentTyped(String contentType) {
            List<Header> hs = new ArrayList<>(required);
            if (contentType != null) {
                hs.add(Header.of("Content-Type", contentType));
            }
            return List.copyOf(hs);
        }

        Variant plain(String kind) {
            return new Variant(kind, op.method(), target, headers(), bodies.get(0));
        }

        Variant plainAt(String kind, String newTarget) {
            return new Variant(kind, op.method(), newTarget, headers(), bodies.get(0));
        }

        Variant withHeader(String kind, Header h) {
            List<Header> hs = new ArrayList<>(headers());
            hs.removeIf(x -> x.name().equalsIgnoreCase(h.name()));
            hs.add(h);
            return new Variant(kind, op.method(), target, List.copyOf(hs), bodies.get(0));
        }

        Variant body(String kind, byte[] body, String contentType) {
            return new Variant(kind, op.method(), target, contentTyped(contentType), body);
        }

        HostileRequest request(String kind, String credential, String method, String t, List<Header> hs, byte[] body) {
            List<Header> all = new ArrayList<>(
                    body != null && hs.stream().noneMatch(h -> h.name().equalsIgnoreCase("Content-Type"))
                            ? headers()
                            : List.of());
            all.addAll(hs);
            return new HostileRequest(
                    op.service(), op.id(), kind, credential, method, t, List.copyOf(all), body, true, true);
        }
    }

    /** Replaces the members the fixtures know in an example body. */
    private JsonNode withFixtures(Operation op, JsonNode node, String pointer) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = pointer + "/" + name;
                JsonNode known = fixtures.bodyValue(op, child);
                o.set(name, known != null ? known : withFixtures(op, o.get(name), child));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((ArrayNode) node).set(i, withFixtures(op, node.get(i), pointer + "/" + i));
            }
        }
        return node;
    }

    /** A value that fits the schema (every declared member of an object, one item of an array). */
    private JsonNode sample(OpenApiOperations doc, Operation op, JsonNode schema, String pointer) {
        JsonNode known = pointer.isEmpty() ? null : fixtures.bodyValue(op, pointer);
        if (known != null) {
            return known;
        }
        JsonNode s = doc.resolve(schema);
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        switch (type) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it =
                                s.path("properties").fields();
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    o.set(f.getKey(), sample(doc, op, f.getValue(), pointer + "/" + f.getKey()));
                }
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                a.add(sample(doc, op, s.path("items"), pointer + "/0"));
                return a;
            }
            case "integer":
                return NODES.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 1L);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(false);
            default:
                return NODES.textNode(sampleString(s));
        }
    }

    private static String sampleString(JsonNode s) {
        switch (s.path("format").asText()) {
            case "date":
                return "2003-05-14";
            case "date-time":
                return "2026-01-01T00:00:00Z";
            case "uuid":
                return "00000000-0000-4000-8000-000000000001";
            default:
                break;
        }
        String pattern = s.path("pattern").asText("");
        java.util.regex.Matcher digits =
                java.util.regex.Pattern.compile("^\\\\d\\{(\\d+)}").matcher(pattern);
        if (digits.find()) {
            return "0".repeat(Integer.parseInt(digits.group(1)));
        }
        String text = "hostile input test";
        int max = s.path("maxLength").asInt(Integer.MAX_VALUE);
        int min = s.path("minLength").asInt(0);
        text = text.length() > max ? text.substring(0, max) : text;
        return text.length() < min ? text + "x".repeat(min - text.length()) : text;
    }

    private static String sep(String target) {
        return target.contains("?") ? "&" : "?";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] formBody(Map<String, String> form) {
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&")
                .append(HostileValues.escape(k))
                .append('=')
                .append(HostileValues.escape(v)));
        return bytes(sb.toString());
    }

    private static String toJson(Map<String, String> form) {
        ObjectNode o = NODES.objectNode();
        form.forEach(o::put);
        return Json.write(o, Edit.NONE);
    }
}
