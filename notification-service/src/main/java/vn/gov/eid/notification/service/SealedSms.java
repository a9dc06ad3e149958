package vn.gov.eid.notification.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Plaintext of the sealed part of an SMS request. Lives only in memory while the submit_sm is built.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SealedSms(String phoneNumber, String password) {

    @Override
    public String toString() {
        return "SealedSms[***]";
    }
}
