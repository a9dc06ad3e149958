package vn.gov.eid.notification.service;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.util.UUID;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.platform.crypto.Sealing;

/**
 * Opens the sealed part of an SMS request with this service's key and checks that it belongs to the request it came
 * in: a genuine sealed secret copied into another record (another citizen, another request) is refused.
 */
@ApplicationScoped
public class SealedSmsOpener {

    @Inject
    SmsConfig config;

    private PrivateKey key;

    @PostConstruct
    void init() {
        key = Sealing.privateKey(config.privateKeyLocation());
    }

    /**
     * Opens the sealed part of an arriving request; it must name the request's citizen and request id.
     *
     * @throws IllegalArgumentException when it cannot be opened, has no phone number, or belongs to another record
     */
    public SealedSms open(String sealed, String personalIdNumber, UUID requestId) {
        return open(sealed, personalIdNumber, requestId, true);
    }

    /**
     * Opens the sealed part of a stored message. Rows got in only through {@link #open} at intake; a row stored
     * before secrets named their record (no personal ID number and no request id inside) is still sent.
     */
    public SealedSms openStored(String sealed, String personalIdNumber, UUID requestId) {
        return open(sealed, personalIdNumber, requestId, false);
    }

    private SealedSms open(String sealed, String personalIdNumber, UUID requestId, boolean bindingRequired) {
        SealedSms secret = Sealing.open(sealed, key, SealedSms.class);
        if (secret.phoneNumber() == null || secret.phoneNumber().isBlank()) {
            throw new IllegalArgumentException("the sealed part carries no phone number");
        }
        boolean legacy = secret.personalIdNumber() == null && secret.requestId() == null;
        if (!bindingRequired && legacy) {
            return secret;
        }
        if (secret.personalIdNumber() == null
                || !secret.personalIdNumber().equals(personalIdNumber)
                || requestId == null
                || !requestId.toString().equals(secret.requestId())) {
            throw new IllegalArgumentException("the sealed part belongs to another record");
        }
        return secret;
    }
}
