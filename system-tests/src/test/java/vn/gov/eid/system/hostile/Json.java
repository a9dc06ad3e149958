package vn.gov.eid.system.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes a Jackson tree as JSON text with one edit applied: a node replaced by a raw fragment (which need not be
 * valid JSON), a node removed, or a member added. Strings are escaped by hand so that values Jackson will not write
 * (a lone surrogate) still go out as {@code \\uXXXX}.
 */
final class Json {

    /**
     * One change to the tree.
     *
     * @param pointer the node replaced or removed (JSON Pointer), or the object a member is added to
     * @param addName the name of the member to add, or null to replace or remove the node at pointer
     * @param raw     the fragment written in its place; null removes the node
     */
    record Edit(String pointer, String addName, String raw) {
        static final Edit NONE = new Edit("\u0000none", null, null);
    }

    private Json() {}

    static String write(JsonNode node, Edit edit) {
        StringBuilder sb = new StringBuilder();
        write(node, "", edit, sb);
        return sb.toString();
    }

    private static void write(JsonNode node, String pointer, Edit edit, StringBuilder sb) {
        if (edit.addName() == null && edit.pointer().equals(pointer) && edit.raw() != null) {
            sb.append(edit.raw());
            return;
        }
        if (node.isObject()) {
            sb.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String child = pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1");
                if (removed(child, edit)) {
                    continue;
                }
                first = comma(first, sb);
                sb.append(quote(f.getKey())).append(':');
                write(f.getValue(), child, edit, sb);
            }
            if (edit.addName() != null && edit.pointer().equals(pointer)) {
                comma(first, sb);
                sb.append(quote(edit.addName())).append(':').append(edit.raw());
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            boolean first = true;
            for (int i = 0; i < node.size(); i++) {
                String child = pointer + "/" + i;
                if (removed(child, edit)) {
                    continue;
                }
                first = comma(first, sb);
                write(node.get(i), child, edit, sb);
            }
            sb.append(']');
        } else if (node.isTextual()) {
            sb.append(quote(node.asText()));
        } else {
            sb.append(node.toString());
        }
    }

    private static boolean removed(String pointer, Edit edit) {
        return edit.addName() == null && edit.raw() == null && edit.pointer().equals(pointer);
    }

    private static boolean comma(boolean first, StringBuilder sb) {
        if (!first) {
            sb.append(',');
        }
        return false;
    }

    /** A JSON string literal: quotes, backslashes, control characters and unpaired surrogates escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired =
                    Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                            || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !paired) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
