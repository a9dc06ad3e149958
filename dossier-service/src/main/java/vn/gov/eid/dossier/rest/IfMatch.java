package vn.gov.eid.dossier.rest;

import java.util.regex.Pattern;
import vn.gov.eid.platform.error.DomainException;

/** Reads the dossier version a client sends back in If-Match (our ETag is the version). */
final class IfMatch {
    /** Longer than any list of our ETags a client could sensibly send. */
    static final int MAX_LENGTH = 64;

    private static final String TAG = "(W/)?\"[\\x21\\x23-\\x7E]*\"";

    /** RFC 9110 entity tags, one or a list, or (leniently) a bare version number. */
    private static final Pattern WELL_FORMED = Pattern.compile("\\d{1,20}|" + TAG + "(\\s*,\\s*" + TAG + ")*");

    private IfMatch() {}

    /**
     * The version in an If-Match header ("3", W/"3"), null when absent or "*". A malformed or overlong header is
     * a 400 naming it; a well-formed ETag we never issued is stale.
     */
    static Long version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String v = header.trim();
        if (v.length() > MAX_LENGTH || !WELL_FORMED.matcher(v).matches()) {
            throw RequestHeaders.invalid(
                    RequestHeaders.IF_MATCH,
                    "must be * or an entity tag such as \"3\", at most " + MAX_LENGTH + " characters");
        }
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            // An ETag we never issued can only be stale.
            throw DomainException.stale(
                    "stale-dossier", "Dossier changed meanwhile", "If-Match does not match the dossier's current ETag");
        }
    }
}
