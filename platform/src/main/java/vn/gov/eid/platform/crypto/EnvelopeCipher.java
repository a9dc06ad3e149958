package vn.gov.eid.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.util.SecretBytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import vn.gov.eid.platform.crypto.DataCipherException.Reason;

/**
 * Envelope encryption of personal data at rest, without CDI: each value gets a fresh AES-256-GCM data key, wrapped by
 * the current key-encryption key, and both layers authenticate the value's context (table, column and row), so a
 * sealed value copied to another row or column does not open. Layout and rotation: docs/adr/0003.
 */
public final class EnvelopeCipher {

    private final KeyEncryptionKeys keys;

    /**
     * @throws IllegalStateException when the keys have no usable current key
     */
    public EnvelopeCipher(KeyEncryptionKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        String current = keys.currentKeyId();
        if (!SealedValue.validKeyId(current) || keys.find(current).isEmpty()) {
            throw new IllegalStateException("the current key-encryption key '" + current + "' is not usable");
        }
    }

    /**
     * Encrypts under a fresh data key; the same plaintext gives a different result each time.
     *
     * @param context where the value is stored, e.g. {@code dossier_biometrics.portrait:<dossier id>}; no personal
     *     data (it appears in error messages)
     */
    public byte[] seal(byte[] plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] ctx = contextBytes(context);
        String keyId = keys.currentKeyId();
        SecretBytes dataKey = SecretBytes.randomBytes(Aes256Gcm.KEY_BYTES);
        byte[] rawKey = dataKey.toByteArray(InsecureSecretKeyAccess.get());
        byte[] wrapped;
        try {
            wrapped = wrap(rawKey, keyId, ctx, context);
        } finally {
            Arrays.fill(rawKey, (byte) 0);
        }
        byte[] data;
        try {
            data = Aes256Gcm.of(dataKey).encrypt(plaintext, SealedValue.dataAad(ctx));
        } catch (GeneralSecurityException e) {
            throw new DataCipherException(Reason.SEAL_FAILED, "cannot encrypt a value for " + context, e);
        }
        return new SealedValue(keyId, wrapped, data).toBytes();
    }

    /**
     * Decrypts a value made by {@link #seal} (or {@link #rewrap}) for the same context.
     *
     * @throws DataCipherException when it is malformed, sealed under a key this service lacks, sealed for another
     *     context or modified
     */
    public byte[] open(byte[] sealed, String context) {
        byte[] ctx = contextBytes(context);
        SealedValue value = SealedValue.parse(sealed);
        byte[] rawKey = unwrap(value, ctx, context);
        try {
            return Aes256Gcm.of(rawKey).decrypt(value.data(), SealedValue.dataAad(ctx));
        } catch (GeneralSecurityException e) {
            throw new DataCipherException(
                    Reason.NOT_AUTHENTIC,
                    "sealed value does not open for " + context + ": the data was modified or belongs elsewhere",
                    e);
        } finally {
            Arrays.fill(rawKey, (byte) 0);
        }
    }

    /** {@link #seal} of the UTF-8 bytes of a text (phone number, e-mail address). */
    public byte[] sealText(String plaintext, String context) {
        return seal(Objects.requireNonNull(plaintext, "plaintext").getBytes(StandardCharsets.UTF_8), context);
    }

    /** {@link #open} of a value made by {@link #sealText}. */
    public String openText(byte[] sealed, String context) {
        return new String(open(sealed, context), StandardCharsets.UTF_8);
    }

    /**
     * Re-wraps the data key under the current key-encryption key; the data ciphertext stays byte for byte. A value
     * already under the current key is returned as it is. The data key's binding to the context is checked on the way.
     */
    public byte[] rewrap(byte[] sealed, String context) {
        byte[] ctx = contextBytes(context);
        SealedValue value = SealedValue.parse(sealed);
        String current = keys.currentKeyId();
        if (value.keyId().equals(current)) {
            return sealed;
        }
        byte[] rawKey = unwrap(value, ctx, context);
        try {
            return new SealedValue(current, wrap(rawKey, current, ctx, context), value.data()).toBytes();
        } finally {
            Arrays.fill(rawKey, (byte) 0);
        }
    }

    /** The id of the key-encryption key a value is sealed under (read from its header, nothing decrypted). */
    public String keyId(byte[] sealed) {
        return SealedValue.parse(sealed).keyId();
    }

    /** Whether a value is sealed under another key than the current one, i.e. a rotation job should re-wrap it. */
    public boolean needsRewrap(byte[] sealed) {
        return !keyId(sealed).equals(keys.currentKeyId());
    }

    /** The key new values are sealed under. */
    public String currentKeyId() {
        return keys.currentKeyId();
    }

    private byte[] wrap(byte[] rawKey, String keyId, byte[] ctx, String context) {
        Aead kek = kek(keyId);
        try {
            return kek.encrypt(rawKey, SealedValue.keyAad(keyId, ctx));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new DataCipherException(
                    Reason.SEAL_FAILED,
                    "key-encryption key '" + keyId + "' could not wrap the data key for " + context + ": "
                            + e.getMessage(),
                    e);
        }
    }

    private byte[] unwrap(SealedValue value, byte[] ctx, String context) {
        Aead kek = kek(value.keyId());
        byte[] rawKey;
        try {
            rawKey = kek.decrypt(value.wrappedKey(), SealedValue.keyAad(value.keyId(), ctx));
        } catch (GeneralSecurityException e) {
            throw new DataCipherException(
                    Reason.NOT_AUTHENTIC,
                    "sealed value does not open for " + context + " with key-encryption key '" + value.keyId()
                            + "': it belongs to another context, the key material under that id differs, or the"
                            + " bytes were modified",
                    e);
        }
        if (rawKey.length != Aes256Gcm.KEY_BYTES) {
            Arrays.fill(rawKey, (byte) 0);
            throw new DataCipherException(
                    Reason.MALFORMED, "sealed value for " + context + " holds a data key of the wrong size");
        }
        return rawKey;
    }

    private Aead kek(String keyId) {
        return keys.find(keyId)
                .orElseThrow(() -> new DataCipherException(
                        Reason.UNKNOWN_KEY,
                        "sealed under key-encryption key '" + keyId + "', which this service does not have (it has "
                                + String.join(", ", keys.keyIds()) + ")"));
    }

    private static byte[] contextBytes(String context) {
        if (context == null || context.isEmpty()) {
            throw new IllegalArgumentException(
                    "a context is required: name the table, column and row, e.g. dossier_biometrics.portrait:<id>");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }
}
