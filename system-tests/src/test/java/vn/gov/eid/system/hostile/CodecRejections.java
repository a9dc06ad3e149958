package vn.gov.eid.system.hostile;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The requests that the HTTP layer refuses before any handler of ours can run, so they are answered with a bare 4xx
 * (no body, no Content-Type) rather than problem+json. Two places decide it, and Quarkus 3.33 offers no hook into
 * either: Netty's HttpObjectDecoder marks a request it cannot parse as failed and Vert.x answers it with its default
 * invalid-request handler (Quarkus never sets {@code HttpServer#invalidRequestHandler}); and Quarkus' first request
 * handler refuses a target that {@link java.net.URI} cannot parse. A chunked body over the size limit is ended with 413
 * by Quarkus REST's input stream before any exception mapper. The platform turns every other 4xx into problem+json
 * (HttpLayerProblems, ProblemMappers); platform's HostileRequestsTest pins each case.
 */
public final class CodecRejections {

    /** Quarkus' defaults: quarkus.http.limits.max-initial-line-length, max-header-size, max-body-size. */
    static final int MAX_INITIAL_LINE = 4096;

    static final int MAX_HEADERS = 20 * 1024;
    static final int MAX_BODY = 10 * 1024 * 1024;

    private CodecRejections() {}

    /** Whether the request is one that the HTTP layer refuses before our code (see the class comment). */
    public static boolean refusedBeforeAnyHandler(HostileRequest r) {
        if (!r.method().chars().allMatch(CodecRejections::tokenChar)) {
            return true;
        }
        if (r.method().length() + 1 + r.target().length() + 9 > MAX_INITIAL_LINE || unparseable(r.target())) {
            return true;
        }
        int headerBytes = 0;
        int contentLengths = 0;
        boolean chunked = false;
        for (HostileRequest.Header h : r.headers()) {
            if (!h.name().chars().allMatch(CodecRejections::tokenChar)) {
                return true;
            }
            for (byte b : h.value()) {
                if (b == 0 || b == '\r' || b == '\n') {
                    return true;
                }
            }
            headerBytes += h.name().length() + 2 + h.value().length;
            String name = h.name().toLowerCase(Locale.ROOT);
            contentLengths += name.equals("content-length") ? 1 : 0;
            chunked |= name.equals("transfer-encoding")
                    && new String(h.value(), StandardCharsets.ISO_8859_1).contains("chunked");
        }
        if (r.body() != null && r.lengthHeader()) {
            contentLengths++;
        }
        return headerBytes > MAX_HEADERS
                || contentLengths > 1
                || (chunked && contentLengths > 0)
                || (chunked && r.body() != null && r.body().length > MAX_BODY);
    }

    private static boolean unparseable(String target) {
        try {
            new URI(target);
            return false;
        } catch (URISyntaxException e) {
            return true;
        }
    }

    /** RFC 9110 token characters (method names, header names). */
    private static boolean tokenChar(int c) {
        return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
