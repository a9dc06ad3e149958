package vn.gov.eid.dossier.rest;

import vn.gov.eid.platform.error.DomainException;

/** Reads the dossier version a client sends back in If-Match (our ETag is the version). */
final class IfMatch {
    private IfMatch() {}

    /** The version in an If-Match header ("3", W/"3"), null when absent or "*"; an ETag we never issued is stale. */
    static Long version(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String v = header.trim();
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
