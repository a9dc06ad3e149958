package vn.gov.eid.notification.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import vn.gov.eid.notification.domain.PersonalIdNumber;
import vn.gov.eid.notification.domain.Purpose;

/**
 * A request for one SMS as the intake takes it: who, why, the masked phone and the secret part still sealed.
 * One that cannot become an SMS is refused at construction (the consumer then dead-letters it with the reason).
 * {@code validUntil} is optional: when the content stops being of use (the expiry of the temporary password in it).
 */
public record NewSms(
        UUID requestId,
        String personalIdNumber,
        Purpose purpose,
        String phoneMasked,
        Map<String, String> templateParams,
        Instant validUntil,
        String sealed) {

    public NewSms {
        if (requestId == null || purpose == null || sealed == null || sealed.isBlank()) {
            throw new IllegalArgumentException("SMS request lacks requestId, purpose or sealed");
        }
        if (!PersonalIdNumber.isValid(personalIdNumber)) {
            throw new IllegalArgumentException("SMS request without a 12-digit personalIdNumber");
        }
        if (phoneMasked == null || phoneMasked.isBlank()) {
            throw new IllegalArgumentException("SMS request without phoneMasked");
        }
        templateParams = templateParams == null ? Map.of() : templateParams;
    }

    @Override
    public String toString() {
        return "NewSms[requestId=" + requestId + ", purpose=" + purpose + ", phone=" + phoneMasked + "]";
    }
}
