package vn.gov.eid.identity.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.gov.eid.identity.config.IdentityConfig;

/**
 * The keyed hashes of recovery codes and phone numbers (HMAC-SHA256 under IDENTITY_RECOVERY_CODE_KEY, docs/adr/0006):
 * what the database holds instead of the code, and the phone's name in the per-number limit.
 */
@ApplicationScoped
public class RecoveryKey {

    static final String ALGORITHM = "HmacSHA256";

    @Inject
    IdentityConfig config;

    private SecretKeySpec key;

    @PostConstruct
    void init() {
        String encoded = config.recovery().codeKey().filter(s -> !s.isBlank()).orElse(null);
        if (encoded == null) {
            return; // refused at start below, with the name of the setting
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("IDENTITY_RECOVERY_CODE_KEY is not base64");
        }
        if (bytes.length < 32) {
            throw new IllegalStateException("IDENTITY_RECOVERY_CODE_KEY must hold at least 32 random bytes");
        }
        key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** Without the key no code could be checked: refuse to start. */
    void onStart(@Observes StartupEvent event) {
        if (key == null) {
            throw new IllegalStateException(
                    "IDENTITY_RECOVERY_CODE_KEY (eid.identity.recovery.code-key) is not set: base64 of 32 random bytes,"
                            + " the same on every replica");
        }
    }

    /** The stored form of an account's code; bound to the account, so a row copied to another one is worthless. */
    public byte[] codeHash(String personalIdNumber, String code) {
        return mac("code:" + personalIdNumber + ":" + code);
    }

    /** Whether a code matches a stored hash, in constant time. */
    public boolean matches(byte[] storedHash, String personalIdNumber, String code) {
        return MessageDigest.isEqual(storedHash, codeHash(personalIdNumber, code));
    }

    /** A phone number's name in the per-number limit: hex, so no number is stored in clear. */
    public String phoneKey(String phone) {
        return HexFormat.of().formatHex(mac("phone:" + phone));
    }

    private byte[] mac(String input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
