package vn.gov.eid.notification.rest;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of an operator retry: why it is sent again, and, for a message whose submit may have reached the SMSC,
 * the operator's confirmation that the citizen may receive it twice.
 */
public record RetryRequest(
        @NotBlank
        @Size(max = 500)
        @Pattern(
                regexp = TEXT,
                message = "must be text: no control, format, private-use or unassigned characters"
                        + " (tabs and line breaks allowed)")
        String reason,

        @JsonDeserialize(using = StrictBoolean.class) Boolean confirmDuplicateRisk) {

    /**
     * Letters, marks, numbers, punctuation, symbols and spaces, plus tab and line breaks: no NUL (which PostgreSQL
     * text refuses), no lone surrogate (which would be stored mangled), no other control or bidi-override character
     * in an audit row. One character class repeated, so the check is a loop, never a deep recursion.
     * Written so that it means the same in Java and in ECMA-262, the regex dialect of the OpenAPI document that
     * shows it to clients.
     */
    static final String TEXT = "^[\\t\\n\\r\\P{C}]*$";

    boolean confirmed() {
        return Boolean.TRUE.equals(confirmDuplicateRisk);
    }
}
