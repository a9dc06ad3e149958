package vn.gov.eid.notification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of an operator retry: why it is sent again, and, for a message whose submit may have reached the SMSC,
 * the operator's confirmation that the citizen may receive it twice.
 */
public record RetryRequest(@NotBlank @Size(max = 500) String reason, Boolean confirmDuplicateRisk) {

    boolean confirmed() {
        return Boolean.TRUE.equals(confirmDuplicateRisk);
    }
}
