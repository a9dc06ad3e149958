package vn.gov.eid.notification.messaging.in;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import vn.gov.eid.notification.domain.Purpose;
import vn.gov.eid.notification.service.NewSms;

/**
 * Data of a {@code vn.gov.eid.sms.requested.v1} event (docs/contracts.md); the secret part stays sealed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SmsRequested(
        UUID requestId,
        String personalIdNumber,
        Purpose purpose,
        String phoneMasked,
        Map<String, String> templateParams,
        Instant validUntil,
        String sealed) {

    /** The request for the intake; throws IllegalArgumentException (with the reason) when it cannot become one. */
    public NewSms toNewSms() {
        return new NewSms(requestId, personalIdNumber, purpose, phoneMasked, templateParams, validUntil, sealed);
    }

    @Override
    public String toString() {
        return "SmsRequested[requestId=" + requestId + ", purpose=" + purpose + ", phone=" + phoneMasked + "]";
    }
}
