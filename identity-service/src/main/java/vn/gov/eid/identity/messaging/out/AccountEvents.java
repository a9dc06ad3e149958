package vn.gov.eid.identity.messaging.out;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.text.Normalizer;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.identity.messaging.EventTypes;
import vn.gov.eid.platform.crypto.Sealing;
import vn.gov.eid.platform.outbox.Outbox;
import vn.gov.eid.platform.privacy.Masking;

/**
 * Writes identity-service's events to the outbox, in the caller's transaction: partner-facing account events
 * (no secret, no phone, no email) and SMS requests whose secret part is sealed to notification-service.
 */
@ApplicationScoped
public class AccountEvents {

    /** Why an SMS is sent; notification-service picks the text by it. */
    public enum SmsPurpose {
        INITIAL_CREDENTIAL,
        CREDENTIAL_RESET,
        UPGRADE_NOTICE,
        PHONE_LINKED,
        /** To the number a dossier replaced: it no longer receives the account's messages. */
        PHONE_UNLINKED,
        /** A 6-digit activation or recovery code, valid a few minutes (docs/adr/0006). */
        RECOVERY_CODE
    }

    /** Data of vn.gov.eid.account.created.v1. */
    public record AccountCreated(
            String personalIdNumber, int level, String status, String dossierId, Instant createdAt) {}

    /** Data of vn.gov.eid.account.activated.v1. */
    public record AccountActivated(String personalIdNumber, int level, String status, Instant activatedAt) {}

    /** Data of vn.gov.eid.account.locked.v1; lockedUntil is null for an operator's lock. */
    public record AccountLocked(
            String personalIdNumber, int level, String status, String cause, Instant lockedUntil, Instant at) {}

    /** Data of vn.gov.eid.account.unlocked.v1, .credential-reset.v1 and .credential-changed.v1. */
    public record AccountChanged(String personalIdNumber, int level, String status, Instant at) {}

    /** Data of vn.gov.eid.sms.requested.v1; validUntil is left out when null (no temporary password). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record SmsRequested(
            String requestId,
            String personalIdNumber,
            String purpose,
            String phoneMasked,
            Map<String, String> templateParams,
            Instant validUntil,
            String sealed) {}

    /** Data of vn.gov.eid.account.upgraded.v1. */
    public record AccountUpgraded(
            String personalIdNumber,
            int previousLevel,
            int level,
            String status,
            String dossierId,
            Instant upgradedAt) {}

    /**
     * Plaintext of the sealed part of an SMS request; only notification-service can read it. No password or code:
     * omitted. The personal ID number and request id bind it to its record: notification-service refuses it inside
     * another one.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record SmsSecret(
            String phoneNumber, String password, String code, String personalIdNumber, String requestId) {}

    @Inject
    Outbox outbox;

    @Inject
    IdentityConfig config;

    private PublicKey smsKey;

    @PostConstruct
    void loadKey() {
        // Loaded eagerly where configured so a wrong path fails at start, not at the first account.
        config.smsPublicKeyLocation().filter(s -> !s.isBlank()).ifPresent(l -> smsKey = Sealing.publicKey(l));
    }

    public void created(CitizenAccount a) {
        outbox.add(
                config.topics().accounts(),
                a.personalIdNumber,
                EventTypes.ACCOUNT_CREATED,
                new AccountCreated(a.personalIdNumber, a.level, a.status.name(), a.dossierId, a.createdAt));
    }

    public void activated(CitizenAccount a) {
        outbox.add(
                config.topics().accounts(),
                a.personalIdNumber,
                EventTypes.ACCOUNT_ACTIVATED,
                new AccountActivated(a.personalIdNumber, a.level, a.status.name(), a.activatedAt));
    }

    public void lockedAfterFailures(CitizenAccount a) {
        outbox.add(
                config.topics().accounts(),
                a.personalIdNumber,
                EventTypes.ACCOUNT_LOCKED,
                new AccountLocked(
                        a.personalIdNumber, a.level, a.status.name(), "FAILED_LOGINS", a.lockedUntil, a.updatedAt));
    }

    public void upgraded(CitizenAccount a, int previousLevel) {
        outbox.add(
                config.topics().accounts(),
                a.personalIdNumber,
                EventTypes.ACCOUNT_UPGRADED,
                new AccountUpgraded(
                        a.personalIdNumber, previousLevel, a.level, a.status.name(), a.dossierId, a.updatedAt));
    }

    public void lockedByOperator(CitizenAccount a) {
        outbox.add(
                config.topics().accounts(),
                a.personalIdNumber,
                EventTypes.ACCOUNT_LOCKED,
                new AccountLocked(a.personalIdNumber, a.level, a.status.name(), "OPERATOR", null, a.updatedAt));
    }

    public void unlocked(CitizenAccount a) {
        changed(a, EventTypes.ACCOUNT_UNLOCKED);
    }

    /** The citizen set a new password with a recovery code (an already active account; a pending one is activated). */
    public void credentialChanged(CitizenAccount a) {
        changed(a, EventTypes.ACCOUNT_CREDENTIAL_CHANGED);
    }

    public void credentialReset(CitizenAccount a) {
        changed(a, EventTypes.ACCOUNT_CREDENTIAL_RESET);
    }

    private void changed(CitizenAccount a, String type) {
        outbox.add(
                config.topics().accounts(),
                a.personalIdNumber,
                type,
                new AccountChanged(a.personalIdNumber, a.level, a.status.name(), a.updatedAt));
    }

    /** Requests an SMS to the account's phone; phone and password (null for purposes without one) are sealed. */
    public UUID smsRequested(CitizenAccount a, String phone, SmsPurpose purpose, String password) {
        // a temporary password is worth sending until it expires; notification-service stops there
        return request(a, phone, purpose, password, null, password == null ? null : a.passwordExpiresAt);
    }

    /** Requests the SMS of a recovery code; phone and code are sealed; worth sending until the code expires. */
    public UUID recoveryCodeRequested(CitizenAccount a, String phone, String code, Instant validUntil) {
        return request(a, phone, SmsPurpose.RECOVERY_CODE, null, code, validUntil);
    }

    private UUID request(
            CitizenAccount a, String phone, SmsPurpose purpose, String password, String code, Instant validUntil) {
        if (smsKey == null) {
            throw new IllegalStateException("SMS_JWE_PUBLIC_KEY_LOCATION is not set: cannot seal an SMS request");
        }
        UUID requestId = UUID.randomUUID();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("fullName", asciiUpper(a.fullName));
        String sealed =
                Sealing.seal(new SmsSecret(phone, password, code, a.personalIdNumber, requestId.toString()), smsKey);
        outbox.add(
                config.topics().smsRequests(),
                a.personalIdNumber,
                EventTypes.SMS_REQUESTED,
                new SmsRequested(
                        requestId.toString(),
                        a.personalIdNumber,
                        purpose.name(),
                        Masking.phone(phone),
                        params,
                        validUntil,
                        sealed));
        return requestId;
    }

    /**
     * Operator SMS are sent in ASCII Vietnamese without diacritics so they fit one GSM-7 segment
     * (vietnam-eid-facts.md, "SMS").
     */
    static String asciiUpper(String name) {
        if (name == null) {
            return "";
        }
        String stripped = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return stripped.replaceAll("[^\\x20-\\x7E]", "").trim().toUpperCase(Locale.ROOT);
    }
}
