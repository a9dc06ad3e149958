package vn.gov.eid.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately plain HTTP/1.1 client on a socket: it sends exactly the bytes it is given (bad escapes, CR, LF or
 * NUL in a header, oversized lines, a body that contradicts its headers), which java.net.http and REST Assured refuse
 * to send. One connection per request ({@code Connection: close}), answer read to the end.
 */
public final class RawHttp {

    /** Enough of the body to see whether the input came back in it. */
    private static final int KEPT_BODY = 64 * 1024;

    private RawHttp() {}

    /**
     * What came back: the status (0 when no answer came), the headers (names in lower case, the last one of a name
     * wins), the start of the body, and the I/O error if the exchange broke.
     */
    public record Answer(int status, Map<String, String> headers, String body, String error) {

        /** The media type without parameters, lower case; "" when there is no Content-Type. */
        public String mediaType() {
            String ct = headers.getOrDefault("content-type", "");
            int semicolon = ct.indexOf(';');
            return (semicolon < 0 ? ct : ct.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        }

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body)
                    + (error == null ? "" : " error=" + error);
        }
    }

    /** The request as ISO-8859-1 bytes (so NUL, CR and LF go out as written) to localhost:port, 20 s timeout. */
    public static Answer exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The request bytes to localhost:port, 20 s timeout. */
    public static Answer exchange(int port, byte[] request) {
        return exchange("localhost", port, request, Duration.ofSeconds(20));
    }

    /** Sends the request bytes to host:port and reads the whole answer (interim 1xx answers are skipped). */
    public static Answer exchange(String host, int port, byte[] request, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            String writeError = write(socket.getOutputStream(), in, request);
            byte[] raw = readToEnd(in);
            Answer answer = parse(raw);
            if (answer.status() == 0 && writeError != null) {
                return new Answer(0, Map.of(), "", writeError);
            }
            return answer;
        } catch (SocketTimeoutException e) {
            return new Answer(0, Map.of(), "", "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(0, Map.of(), "", e.toString());
        }
    }

    /**
     * Writes in slices and stops as soon as the server has answered (e.g. 413 after the headers of an oversized
     * body): the answer is what counts, not whether the server read everything.
     */
    private static String write(OutputStream out, InputStream in, byte[] request) {
        try {
            int slice = 64 * 1024;
            for (int off = 0; off < request.length; off += slice) {
                out.write(request, off, Math.min(slice, request.length - off));
                out.flush();
                if (in.available() > 0) {
                    break;
                }
            }
            return null;
        } catch (IOException e) {
            return "the server closed the connection while the request was written: " + e.getMessage();
        }
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                all.write(buf, 0, n);
            }
        } catch (IOException e) {
            // a reset after a complete answer (the server closed while we still wrote): keep what arrived
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    static Answer parse(byte[] raw) {
        int start = 0;
        while (true) {
            int end = indexOf(raw, start);
            if (end < 0) {
                return new Answer(
                        0,
                        Map.of(),
                        "",
                        raw.length == 0
                                ? "connection closed without an answer"
                                : "incomplete answer: " + new String(raw, StandardCharsets.ISO_8859_1));
            }
            String[] lines = new String(raw, start, end - start, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            int status;
            try {
                status = Integer.parseInt(statusLine[1]);
            } catch (RuntimeException e) {
                return new Answer(0, Map.of(), "", "not an HTTP answer: " + lines[0]);
            }
            if (status >= 100 && status < 200) {
                start = end + 4; // 100 Continue: the real answer follows
                continue;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            int bodyStart = end + 4;
            String body =
                    new String(raw, bodyStart, Math.min(KEPT_BODY, raw.length - bodyStart), StandardCharsets.UTF_8);
            return new Answer(status, headers, body, null);
        }
    }

    private static int indexOf(byte[] raw, int from) {
        for (int i = from; i + 3 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
