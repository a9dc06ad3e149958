package vn.gov.eid.platform.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.eclipse.microprofile.openapi.models.servers.ServerVariable;
import vn.gov.eid.platform.problem.ProblemMappers;

/**
 * What every service's OpenAPI document says alike, so the resources only describe their own operations: {@code
 * info} contact and licence, {@code servers}, the bearer-token scheme, the RFC 9457 problem schema on every error
 * response, the error responses every operation can give (400, 401, 403, 404, 406, 413), and {@code security: []} on
 * operations that need no token. Runs at build time, so the document stored by the build (docs/openapi) is the one
 * served at {@code /q/openapi}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    /** Name of the bearer-token security scheme (the services' {@code quarkus.smallrye-openapi.security-scheme-name}). */
    public static final String BEARER = "jwt";

    /** Name of the problem schema in {@code components.schemas}. */
    public static final String PROBLEM = "Problem";

    static final String VIOLATION = "Violation";

    private static final ObjectMapper JSON = new ObjectMapper();

    // TODO(product owner): the integration desk's real address; .invalid until it is named.
    static final String CONTACT_NAME = "e-ID platform team, integration desk";
    static final String CONTACT_EMAIL = "eid-integration@eid-platform.invalid";

    /** The API is not open source: its use is governed by each partner's integration agreement. */
    static final String LICENCE_NAME = "Integration agreement of the e-ID programme (not an open licence)";

    static final String LICENCE_ID = "LicenseRef-eID-integration-agreement";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        info(api);
        api.setServers(List.of(server()));
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema(PROBLEM, problemSchema());
        components.addSchema(VIOLATION, violationSchema());
        if (components.getSecuritySchemes() == null
                || !components.getSecuritySchemes().containsKey(BEARER)) {
            components.addSecurityScheme(
                    BEARER,
                    OASFactory.createSecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("An RS256 access token issued by identity-service (POST /api/v1/auth/token),"
                                    + " verified against its JWKS (/.well-known/jwks.json)."));
        }
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths()
                    .getPathItems()
                    .forEach((path, item) ->
                            item.getOperations().forEach((method, operation) -> complete(path, method, operation)));
        }
    }

    private static void info(OpenAPI api) {
        if (api.getInfo() == null) {
            api.setInfo(OASFactory.createInfo());
        }
        api.getInfo()
                .contact(OASFactory.createContact().name(CONTACT_NAME).email(CONTACT_EMAIL))
                .license(OASFactory.createLicense().name(LICENCE_NAME).identifier(LICENCE_ID));
    }

    /** The deployment's own address; the default is where the local run (./run-local.sh) serves the service. */
    private static Server server() {
        int port = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.port", Integer.class)
                .orElse(8080);
        ServerVariable baseUrl = OASFactory.createServerVariable()
                .defaultValue("http://127.0.0.1:" + port)
                .description("Scheme, host and port of this service in your environment, without a trailing slash;"
                        + " the default is the local run (./run-local.sh)");
        return OASFactory.createServer()
                .url("{baseUrl}")
                .description("This service in the environment you integrate with")
                .variables(Map.of("baseUrl", baseUrl));
    }

    private static void complete(String path, PathItem.HttpMethod method, Operation operation) {
        boolean secured =
                operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (operation.getSecurity() == null) {
            // A resource that requires a role gets the bearer requirement from Quarkus (auto-add-security-requirement);
            // one without is public, which the contract says explicitly.
            operation.setSecurity(new ArrayList<>());
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().getMediaTypes().forEach(ContractFilter::parseFormExamples);
        }
        APIResponses responses =
                operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (hasInput) {
            standard(responses, "400", "The request is invalid (field-level violations in `violations`)");
        }
        if (secured) {
            standard(responses, "401", "No bearer token, or one that is expired, tampered with or not ours");
            standard(responses, "403", "The token's roles do not allow this operation");
        }
        if (path.contains("{")) {
            standard(responses, "404", "Nothing exists at this path");
        }
        if (operation.getRequestBody() != null) {
            standard(responses, "413", "The body is larger than this endpoint accepts; nothing was stored");
        }
        boolean answersWithContent = responses.getAPIResponses().entrySet().stream()
                .anyMatch(r -> r.getKey().startsWith("2") && r.getValue().getContent() != null);
        if (answersWithContent) {
            standard(responses, "406", "The Accept header excludes application/json");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problemContent(response);
            }
        });
    }

    private static void standard(APIResponses responses, String status, String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (responses.getAPIResponse(status).getDescription() == null
                || responses.getAPIResponse(status).getDescription().isBlank()
                || responses.getAPIResponse(status).getDescription().startsWith("Not ")) {
            // Quarkus' own "Not Authorized" / "Not Allowed" say less than ours
            responses.getAPIResponse(status).setDescription(description);
        }
    }

    /**
     * SmallRye parses an example written as JSON text only for JSON media types; a form body's example (an object in
     * OpenAPI, whatever the encoding) is written as JSON text too, and parsed here.
     */
    private static void parseFormExamples(String mediaType, MediaType media) {
        if (mediaType.contains("json") || media.getExamples() == null) {
            return;
        }
        Map<String, Example> parsed = new LinkedHashMap<>();
        media.getExamples().forEach((name, example) -> {
            String text = String.valueOf(example.getValue()).strip();
            if (!text.startsWith("{")) {
                parsed.put(name, example);
                return;
            }
            try {
                parsed.put(
                        name,
                        OASFactory.createExample()
                                .summary(example.getSummary())
                                .description(example.getDescription())
                                .value(JSON.readValue(text, LinkedHashMap.class)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("example " + name + " of " + mediaType + " is not JSON: " + text, e);
            }
        });
        media.setExamples(parsed);
    }

    /** Every error is problem+json; examples given under any media type stay with it. */
    private static void problemContent(APIResponse response) {
        Map<String, Example> examples = new LinkedHashMap<>();
        if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
            response.getContent().getMediaTypes().values().forEach(media -> {
                if (media.getExamples() != null) {
                    examples.putAll(media.getExamples());
                }
            });
        }
        MediaType media =
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM));
        if (!examples.isEmpty()) {
            media.setExamples(examples);
        }
        Content content = OASFactory.createContent().addMediaType(ProblemMappers.PROBLEM_JSON, media);
        response.setContent(content);
    }

    /** RFC 9457 problem details, with the extension members this platform adds. */
    static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("An error, as RFC 9457 problem details (media type application/problem+json). `type` is"
                        + " stable per kind of error (urn:vn-eid:problem:<code>) and is what a client should branch"
                        + " on; `title` and `detail` are for people. Some errors add members of their own (named in"
                        + " the operation's description and examples), so clients must ignore members they do not"
                        + " know.")
                .required(List.of("type", "title", "status"))
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .format("uri-reference")
                                .description("Identifies the kind of error, e.g. urn:vn-eid:problem:validation")
                                .examples(List.of("urn:vn-eid:problem:validation")))
                .addProperty(
                        "title",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .description("Short summary of the kind of error, the same for every occurrence")
                                .examples(List.of("Invalid request")))
                .addProperty(
                        "status",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.INTEGER))
                                .format("int32")
                                .minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599))
                                .description("The HTTP status code of the response")
                                .examples(List.of(400)))
                .addProperty(
                        "detail",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .description(
                                        "What went wrong with this request, for people; never contains a" + " secret")
                                .examples(List.of("1 field(s) are invalid")))
                .addProperty(
                        "instance",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .format("uri-reference")
                                .description("The request path the error belongs to (absent on a 404)")
                                .examples(List.of("/api/v1/dossiers")))
                .addProperty(
                        "violations",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.ARRAY))
                                .description("The invalid fields (type urn:vn-eid:problem:validation only)")
                                .items(OASFactory.createSchema().ref(VIOLATION)))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    static Schema violationSchema() {
        return OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("One invalid field of a request")
                .required(List.of("field", "message"))
                .addProperty(
                        "field",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .description("Path of the field in the body (dotted), or the name of the query"
                                        + " parameter or header")
                                .examples(List.of("applicant.personalIdNumber")))
                .addProperty(
                        "message",
                        OASFactory.createSchema()
                                .type(List.of(Schema.SchemaType.STRING))
                                .description("The rule the value breaks")
                                .examples(List.of("must match \"^\\d{12}$\"")))
                .additionalPropertiesBoolean(Boolean.FALSE);
    }
}
