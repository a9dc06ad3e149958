package vn.gov.eid.notification.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Plaintext of the sealed part of an SMS request, bound to the citizen and request it was sealed for. Lives only in
 * memory while the submit_sm is built.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SealedSms(String phoneNumber, String password, String code, String personalIdNumber, String requestId) {

    /** The one-time credential the text carries: the temporary password, or the code of a RECOVERY_CODE message. */
    public String credential() {
        return password != null ? password : code;
    }

    @Override
    public String toString() {
        return "SealedSms[***]";
    }
}
