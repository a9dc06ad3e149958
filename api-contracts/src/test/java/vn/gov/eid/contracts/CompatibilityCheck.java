package vn.gov.eid.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * Whether a contract keeps its promises to clients of the released one (the baseline), version by version: the
 * operations under /api/v&lt;n&gt;/ (and those outside any version, such as /.well-known) must stay compatible as
 * long as the baseline has them; a breaking change is only allowed under a version the baseline does not have.
 * The comparison is openapi-diff's (OpenAPITools).
 */
final class CompatibilityCheck {

    private static final Pattern VERSION = Pattern.compile("^/api/(v\\d+)/");
    static final String UNVERSIONED = "(no version in the path)";

    private CompatibilityCheck() {}

    /** The problems found; empty when every version of the baseline is still served compatibly. */
    static List<String> problems(String service, JsonNode baseline, JsonNode current) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> baselineVersions = versions(baseline);
        Set<String> currentVersions = versions(current);
        for (String version : baselineVersions) {
            if (!currentVersions.contains(version)) {
                problems.add(service + ": every operation of " + version + " was removed; remove a version only after"
                        + " its Sunset date (README, API versioning), then update the baseline");
                continue;
            }
            ChangedOpenApi diff = OpenApiCompare.fromContents(
                    onlyVersion(baseline, version).toString(),
                    onlyVersion(current, version).toString());
            if (diff.isIncompatible()) {
                problems.add(service + ": breaking change in " + version + " (a client generated from the released"
                        + " contract would break; make the change in a new version, e.g. /api/v"
                        + (next(currentVersions)) + "/):\n" + render(diff));
            }
        }
        return problems;
    }

    static Set<String> versions(JsonNode doc) {
        Set<String> versions = new TreeSet<>();
        doc.path("paths").fieldNames().forEachRemaining(path -> versions.add(version(path)));
        return versions;
    }

    static String version(String path) {
        Matcher m = VERSION.matcher(path);
        return m.find() ? m.group(1) : UNVERSIONED;
    }

    static List<String> pathsOf(JsonNode doc, String version) {
        List<String> paths = new ArrayList<>();
        doc.path("paths").fieldNames().forEachRemaining(path -> {
            if (version(path).equals(version)) {
                paths.add(path);
            }
        });
        return paths;
    }

    /** A copy of the document with only the paths of one version. */
    static JsonNode onlyVersion(JsonNode doc, String version) {
        ObjectNode copy = doc.deepCopy();
        ObjectNode paths = (ObjectNode) copy.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            if (!version(it.next().getKey()).equals(version)) {
                it.remove();
            }
        }
        return copy;
    }

    private static int next(Set<String> versions) {
        return versions.stream()
                        .filter(v -> v.startsWith("v"))
                        .mapToInt(v -> Integer.parseInt(v.substring(1)))
                        .max()
                        .orElse(0)
                + 1;
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            return "(report not rendered: " + e + ")";
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
