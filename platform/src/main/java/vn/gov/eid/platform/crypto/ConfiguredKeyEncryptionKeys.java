package vn.gov.eid.platform.crypto;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Key-encryption keys given in configuration ({@value #SETTING}, env {@value #ENV}): a comma-separated list of
 * {@code kid:base64(32 random bytes)}; the first seals, the ones after it only open values sealed before a rotation.
 */
public final class ConfiguredKeyEncryptionKeys implements KeyEncryptionKeys {

    public static final String SETTING = "eid.data.keys";
    public static final String ENV = "EID_DATA_KEYS";

    private static final String FORM = "kid:base64(32 random bytes), e.g. data-2026-1:$(openssl rand -base64 32)";

    private final List<String> ids;
    private final Map<String, Aead> byId;

    private ConfiguredKeyEncryptionKeys(List<String> ids, Map<String, Aead> byId) {
        this.ids = List.copyOf(ids);
        this.byId = Map.copyOf(byId);
    }

    /**
     * Reads the setting's value. Messages name the setting and the key id, never key material.
     *
     * @throws IllegalStateException when it is missing or empty, an entry is malformed, a key is not exactly 32 bytes
     *     or all zeros, or an id or a key appears twice
     */
    public static ConfiguredKeyEncryptionKeys parse(String setting) {
        if (setting == null || setting.isBlank()) {
            throw new IllegalStateException(SETTING + " (env " + ENV + ") is not set: this service stores personal"
                    + " data encrypted and needs a key-encryption key. Set it to " + FORM
                    + "; during a rotation list the new key first and the old ones after it");
        }
        String[] entries = setting.strip().split(",", -1);
        List<String> ids = new ArrayList<>();
        Map<String, Aead> byId = new LinkedHashMap<>();
        List<byte[]> seen = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String where = SETTING + " entry " + (i + 1);
            int colon = entry.indexOf(':');
            if (entry.isEmpty()) {
                throw new IllegalStateException(where + " is empty (stray comma?); expected " + FORM);
            }
            if (colon < 0) {
                throw new IllegalStateException(where + " has no key id; expected " + FORM);
            }
            String id = entry.substring(0, colon).strip();
            if (!SealedValue.validKeyId(id)) {
                throw new IllegalStateException(where + ": the key id must be 1-" + SealedValue.MAX_KEY_ID_LENGTH
                        + " characters of A-Z a-z 0-9 . _ -");
            }
            if (byId.containsKey(id)) {
                throw new IllegalStateException(SETTING + " names key id '" + id + "' twice");
            }
            byte[] key = decode(entry.substring(colon + 1).strip(), id);
            if (key.length != Aes256Gcm.KEY_BYTES) {
                throw new IllegalStateException(SETTING + ": key '" + id + "' has " + key.length
                        + " bytes; a key-encryption key is exactly 32 random bytes (AES-256)");
            }
            if (allZero(key)) {
                throw new IllegalStateException(SETTING + ": key '" + id + "' is all zeros; generate 32 random bytes");
            }
            for (int j = 0; j < seen.size(); j++) {
                if (MessageDigest.isEqual(seen.get(j), key)) {
                    throw new IllegalStateException(SETTING + ": key '" + id + "' has the same key material as '"
                            + ids.get(j) + "'; a new key must be newly generated");
                }
            }
            try {
                byId.put(id, Aes256Gcm.of(key));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(SETTING + ": key '" + id + "' is not usable for AES-256-GCM", e);
            }
            ids.add(id);
            seen.add(key);
        }
        return new ConfiguredKeyEncryptionKeys(ids, byId);
    }

    @Override
    public String currentKeyId() {
        return ids.get(0);
    }

    @Override
    public List<String> keyIds() {
        return ids;
    }

    @Override
    public Optional<Aead> find(String keyId) {
        return Optional.ofNullable(keyId == null ? null : byId.get(keyId));
    }

    private static byte[] decode(String base64, String id) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            // e's message may quote the offending character, not the key: still, keep key material out of messages
            throw new IllegalStateException(SETTING + ": key '" + id + "' is not valid base64");
        }
    }

    private static boolean allZero(byte[] key) {
        int or = 0;
        for (byte b : key) {
            or |= b;
        }
        return or == 0;
    }
}
