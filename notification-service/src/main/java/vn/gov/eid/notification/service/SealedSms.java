package vn.gov.eid.notification.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Plaintext of the sealed part of an SMS request, bound to the citizen and request it was sealed for. Lives only in
 * memory while the submit_sm is built.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SealedSms(String phoneNumber, String password, String personalIdNumber, String requestId) {

    @Override
    public String toString() {
        return "SealedSms[***]";
    }
}
