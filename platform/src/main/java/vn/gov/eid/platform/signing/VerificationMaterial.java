package vn.gov.eid.platform.signing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The 32-byte digest a CloudEvent signature covers, as the verifiability extension defines it: SHA-256 over the
 * SHA-256 digests of id, source, specversion, type, datacontenttype, dataschema, subject, time (RFC 3339, UTC,
 * whole seconds), data, then name and value of each signed extension attribute in order.
 */
public final class VerificationMaterial {

    private static final DateTimeFormatter RFC3339_ZULU_SECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private VerificationMaterial() {}

    /**
     * @throws IllegalArgumentException when the time attribute is not an RFC 3339 timestamp
     */
    public static byte[] of(SignedFields f) {
        MessageDigest outer = sha256();
        for (String attribute : new String[] {
            f.id(), f.source(), f.specversion(), f.type(), f.datacontenttype(), f.dataschema(), f.subject()
        }) {
            outer.update(digest(attribute));
        }
        outer.update(digest(normalisedTime(f.time())));
        outer.update(sha256().digest(f.data()));
        for (Map.Entry<String, String> e : f.extensions().entrySet()) {
            outer.update(digest(e.getKey()));
            outer.update(digest(e.getValue()));
        }
        return outer.digest();
    }

    /** RFC 3339 in UTC with a 'Z' and whole seconds, so a re-serialised timestamp still verifies (the spec's note). */
    static String normalisedTime(String time) {
        if (time == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(time).toInstant().truncatedTo(ChronoUnit.SECONDS);
            return RFC3339_ZULU_SECONDS.format(instant.atOffset(java.time.ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time is not an RFC 3339 timestamp");
        }
    }

    private static byte[] digest(String value) {
        return sha256().digest(value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
