package vn.gov.eid.platform;

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
 * A plain HTTP/1.1 client on a socket for tests: it sends exactly the bytes it is given (bad escapes, CR, LF or NUL
 * in a header, oversized lines, contradicting length headers), which java.net.http and REST Assured refuse to send.
 * One connection per exchange; the answer is read until the server closes or the timeout passes.
 */
public final class RawHttp {

    private RawHttp() {}

    /** What came back: status (0 when nothing came), headers (lower-case names, last wins), body, I/O error. */
    public record Answer(int status, Map<String, String> headers, String body, String error) {

        /** The media type without parameters, lower case; "" without a Content-Type. */
        public String mediaType() {
            String ct = headers.getOrDefault("content-type", "");
            int semicolon = ct.indexOf(';');
            return (semicolon < 0 ? ct : ct.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body)
                    + (error == null ? "" : " error=" + error);
        }
    }

    /** The request as ISO-8859-1 bytes (so NUL, CR and LF go out as written). */
    public static Answer exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    public static Answer exchange(int port, byte[] request) {
        Duration timeout = Duration.ofSeconds(20);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            String writeError = write(socket.getOutputStream(), in, request);
            byte[] raw = readToEnd(in);
            Answer answer = parse(raw);
            return answer.status() == 0 && writeError != null ? new Answer(0, Map.of(), "", writeError) : answer;
        } catch (SocketTimeoutException e) {
            return new Answer(0, Map.of(), "", "no answer within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            return new Answer(0, Map.of(), "", e.toString());
        }
    }

    /** Writes in slices and stops once the server has answered (e.g. 413 after the headers of a huge body). */
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

    private static Answer parse(byte[] raw) {
        int end = headEnd(raw);
        if (end < 0) {
            return new Answer(0, Map.of(), "", raw.length == 0 ? "closed without an answer" : "incomplete answer");
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            return new Answer(0, Map.of(), "", "not an HTTP answer: " + lines[0]);
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
        return new Answer(
                status, headers, new String(raw, end + 4, raw.length - end - 4, StandardCharsets.UTF_8), null);
    }

    private static int headEnd(byte[] raw) {
        for (int i = 0; i + 3 < raw.length; i++) {
            if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
