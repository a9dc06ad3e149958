package vn.gov.eid.system.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request, as bytes on the wire plus what it is for the report.
 *
 * @param service    the service it goes to (a LocalSystem.Service name)
 * @param operation  the OpenAPI operation it was derived from, e.g. {@code POST /api/v1/dossiers}
 * @param kind       what is hostile about it, e.g. {@code body /applicant/fullName = sql-or}
 * @param credential the name of the Authorization it carries (a role, {@code none} or a bad token's name); resolved
 *                   to a header when sent
 * @param method     the request method as sent
 * @param target     the request target as sent (already escaped, or deliberately not)
 * @param headers    further headers, values as raw bytes
 * @param body       the body, or null for none
 * @param hostHeader false: no Host header at all
 * @param lengthHeader false: no Content-Length is added for the body (the request brings its own framing)
 */
public record HostileRequest(
        String service,
        String operation,
        String kind,
        String credential,
        String method,
        String target,
        List<Header> headers,
        byte[] body,
        boolean hostHeader,
        boolean lengthHeader) {

    /** A header; the value is bytes because some hostile values are not text. */
    public record Header(String name, byte[] value) {

        public static Header of(String name, String value) {
            return new Header(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The request with a credential's Authorization header (or none) as the bytes to send. */
    public byte[] bytes(String host, byte[] authorization) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((method + " " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.ISO_8859_1));
        if (hostHeader) {
            out.writeBytes(("Host: " + host + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        if (authorization != null) {
            out.writeBytes("Authorization: ".getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(authorization);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        for (Header h : headers) {
            out.writeBytes((h.name() + ": ").getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(h.value());
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (body != null && lengthHeader) {
            out.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    /** One line for a report: enough to send the same request again by hand. */
    public String describe() {
        StringBuilder sb = new StringBuilder()
                .append(service)
                .append(' ')
                .append(method)
                .append(' ')
                .append(shorten(target, 160))
                .append(" [")
                .append(credential)
                .append("] ")
                .append(kind);
        for (Header h : headers) {
            sb.append(" | ")
                    .append(h.name())
                    .append(": ")
                    .append(shorten(printable(h.value()), 80))
                    .append(h.value().length > 80 ? " (" + h.value().length + " bytes)" : "");
        }
        if (body != null) {
            sb.append(" | body ").append(body.length).append(" bytes: ").append(shorten(printable(body), 160));
        }
        return sb.toString();
    }

    /** Bytes as text with control characters and invalid UTF-8 made visible. */
    static String printable(byte[] bytes) {
        String s = new String(java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 400)), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == 0xfffd || (c >= 0x202a && c <= 0x202e) || c == 0xfeff) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...(" + s.length() + " chars)";
    }
}
