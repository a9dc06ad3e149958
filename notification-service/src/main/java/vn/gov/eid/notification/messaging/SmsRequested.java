package vn.gov.eid.notification.messaging;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import vn.gov.eid.notification.domain.Purpose;

/**
 * Data of a {@code vn.gov.eid.sms.requested.v1} event (docs/contracts.md); the secret part stays sealed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SmsRequested(UUID requestId, String personalIdNumber, Purpose purpose, String phoneMasked,
                           Map<String, String> templateParams, String sealed) {

    public static final String TYPE = "vn.gov.eid.sms.requested.v1";

    /** Rejects a request that cannot become an SMS; the consumer dead-letters it with this reason. */
    public void validate() {
        if (requestId == null || purpose == null || sealed == null || sealed.isBlank()) {
            throw new IllegalArgumentException("SMS request lacks requestId, purpose or sealed");
        }
        if (personalIdNumber == null || !personalIdNumber.matches("\\d{12}")) {
            throw new IllegalArgumentException("SMS request without a 12-digit personalIdNumber");
        }
        if (phoneMasked == null || phoneMasked.isBlank()) {
            throw new IllegalArgumentException("SMS request without phoneMasked");
        }
    }

    @Override
    public String toString() {
        return "SmsRequested[requestId=" + requestId + ", purpose=" + purpose + ", phone=" + phoneMasked + "]";
    }
}
