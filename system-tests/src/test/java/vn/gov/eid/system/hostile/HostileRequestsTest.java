package vn.gov.eid.system.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.gov.eid.system.hostile.OpenApiOperations.Operation;
import vn.gov.eid.system.hostile.OpenApiOperations.Parameter;

/** The generator on a small OpenAPI document: no services, no network. */
class HostileRequestsTest {

    private static final String DOC = """
            {"openapi":"3.1.0","paths":{
              "/things":{
                "get":{"parameters":[{"name":"page","in":"query","schema":{"type":"integer","format":"int32"}}],
                       "security":[{"jwt":["reader"]}]},
                "post":{"parameters":[{"name":"Idempotency-Key","in":"header","schema":{"type":"string"}}],
                        "requestBody":{"content":{"application/json":{
                          "schema":{"$ref":"#/components/schemas/NewThing"},
                          "examples":{"one":{"value":{"name":"a thing","owner":{"id":"someone"}}}}}}},
                        "security":[{"jwt":["writer"]}]}},
              "/things/{id}":{
                "get":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}],
                       "security":[{"jwt":[]}]}},
              "/token":{
                "post":{"requestBody":{"content":{"application/x-www-form-urlencoded":{"schema":{"type":"object",
                        "properties":{"user":{"type":"string"},"password":{"type":"string"}}}}}}}}},
             "components":{"schemas":{
               "NewThing":{"type":"object","required":["name"],"properties":{
                 "name":{"type":"string","maxLength":10},
                 "size":{"type":"integer","minimum":3},
                 "owner":{"$ref":"#/components/schemas/Owner"}}},
               "Owner":{"type":"object","properties":{"id":{"type":"string","pattern":"\\\\d{12}"}}}}}}
            """;

    private static final List<String> CREDENTIALS = List.of("reader", "writer", "none", "garbage");

    private final OpenApiOperations doc = OpenApiOperations.parse("THINGS", DOC);

    private final HostileRequests.Fixtures fixtures = new HostileRequests.Fixtures() {
        @Override
        public String pathValue(Operation op, Parameter p) {
            return p.name().equals("id") ? "11111111-2222-3333-4444-555555555555" : null;
        }

        @Override
        public JsonNode bodyValue(Operation op, String pointer) {
            return pointer.equals("/owner/id") ? TextNode.valueOf("001203012345") : null;
        }
    };

    private final HostileRequests.Credentials credentials = new HostileRequests.Credentials() {
        @Override
        public List<String> all() {
            return CREDENTIALS;
        }

        @Override
        public List<String> admitted(Operation op) {
            return op.roles().isEmpty() ? List.of("reader", "writer") : op.roles();
        }
    };

    @Test
    void readsOperationsParametersBodiesAndRoles() {
        List<Operation> ops = doc.operations();
        assertEquals(
                List.of("GET /things", "POST /things", "GET /things/{id}", "POST /token"),
                ops.stream().map(Operation::id).toList());
        Operation post = ops.get(1);
        assertEquals("application/json", post.bodyMediaType());
        assertEquals("object", post.bodySchema().path("type").asText(), "$ref followed");
        assertEquals(1, post.examples().size());
        assertEquals(List.of("writer"), post.roles());
        assertTrue(post.secured());
        assertFalse(ops.get(3).secured());
    }

    @Test
    void theSameSeedGivesTheSameRequests() {
        List<HostileRequest> a = new HostileRequests(7, fixtures, credentials).generate(doc);
        List<HostileRequest> b = new HostileRequests(7, fixtures, credentials).generate(doc);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).describe(), b.get(i).describe());
            assertTrue(Arrays.equals(a.get(i).bytes("h", null), b.get(i).bytes("h", null)));
        }
        List<HostileRequest> other = new HostileRequests(8, fixtures, credentials).generate(doc);
        assertFalse(
                a.stream()
                        .map(HostileRequest::describe)
                        .toList()
                        .equals(other.stream().map(HostileRequest::describe).toList()),
                "another seed pairs body nodes and values differently");
    }

    @Test
    void everyOperationGetsEveryKindOfHostileRequest() {
        List<HostileRequest> all = new HostileRequests(7, fixtures, credentials).generate(doc);
        assertKinds(
                all,
                "POST /things",
                "base",
                "header Idempotency-Key = ",
                "header If-Match = ",
                "Accept = ",
                "Content-Type = ",
                "no Content-Type",
                "no body",
                "malformed body ",
                "body#0 ",
                "body#1 ",
                "unknown query parameter",
                "header X-Forwarded-For");
        assertKinds(
                all,
                "GET /things",
                "query page = ",
                "query page twice",
                "unexpected JSON body",
                "undeclared method PUT",
                "HEAD");
        assertKinds(all, "GET /things/{id}", "path id = ", "undeclared method POST");
        assertTrue(all.stream().noneMatch(r -> r.operation().equals("POST /token")), "forms go separately");
    }

    @Test
    void everyBodyNodeAndEveryValueOccurs() {
        List<String> bodyKinds = new HostileRequests(7, fixtures, credentials)
                .generate(doc).stream()
                        .filter(r -> r.kind().startsWith("body#0 ") && !r.kind().contains(" without "))
                        .map(HostileRequest::kind)
                        .toList();
        for (String node :
                List.of("/name", "/owner", "/owner/id", "/+size", "/+unexpectedMember", "/owner/+unexpectedMember")) {
            assertTrue(bodyKinds.stream().anyMatch(k -> k.startsWith("body#0 " + node + " = ")), node);
        }
        for (String value : HostileValues.STRINGS.keySet()) {
            assertTrue(bodyKinds.stream().anyMatch(k -> k.endsWith(" = " + value)), value);
        }
        for (String value : HostileValues.JSON_FRAGMENTS.keySet()) {
            assertTrue(bodyKinds.stream().anyMatch(k -> k.endsWith(" = json " + value)), value);
        }
    }

    @Test
    void baseRequestsUseTheFixturesAndMostRequestsAnAdmittedCredential() {
        HostileRequests generator = new HostileRequests(7, fixtures, credentials);
        HostileRequest get = generator.base(doc, doc.operations().get(2), "reader");
        assertEquals("/things/11111111-2222-3333-4444-555555555555", get.target());
        HostileRequest post = generator.base(doc, doc.operations().get(1), "writer");
        assertEquals(
                "{\"name\":\"a thing\",\"owner\":{\"id\":\"001203012345\"}}",
                new String(post.body(), StandardCharsets.UTF_8));

        List<HostileRequest> posts = generator.generate(doc).stream()
                .filter(r -> r.operation().equals("POST /things"))
                .toList();
        long admitted =
                posts.stream().filter(r -> r.credential().equals("writer")).count();
        assertTrue(admitted > posts.size() * 0.8, admitted + " of " + posts.size());
        assertTrue(posts.stream()
                .map(HostileRequest::credential)
                .collect(Collectors.toSet())
                .containsAll(CREDENTIALS));
    }

    @Test
    void formRequestsAreBounded() {
        Operation token = doc.operations().get(3);
        List<HostileRequest> form = new HostileRequests(7, fixtures, credentials).forForm(doc, token, 40);
        assertEquals(40, form.size());
        assertTrue(form.stream().allMatch(r -> r.operation().equals("POST /token")));
    }

    @Test
    void valuesJsonWillNotWriteStillGoOut() {
        assertEquals("\"\\ud800\"", Json.quote("\ud800"));
        assertEquals("\"\ud83d\udca9\\u0000\"", Json.quote("\ud83d\udca9\u0000"));
        assertEquals("%ED%A0%80%20%2F", HostileValues.escape("\ud800 /"));
    }

    private static void assertKinds(List<HostileRequest> all, String operation, String... prefixes) {
        List<String> kinds = all.stream()
                .filter(r -> r.operation().equals(operation))
                .map(HostileRequest::kind)
                .toList();
        for (String prefix : prefixes) {
            assertTrue(kinds.stream().anyMatch(k -> k.startsWith(prefix)), operation + ": " + prefix);
        }
    }
}
