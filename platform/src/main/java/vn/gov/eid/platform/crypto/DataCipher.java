package vn.gov.eid.platform.crypto;

import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Seals personal data (biometrics, phone numbers, e-mail addresses) before it is stored and opens it after it is read:
 * {@link EnvelopeCipher} with the service's {@link KeyEncryptionKeys}. Keys are checked when the bean is created, so
 * only services that use it need eid.data.keys; such a service creates it at start (e.g. by calling
 * {@link #currentKeyId()} from a {@code StartupEvent} observer) so that a missing key stops the start.
 */
@ApplicationScoped
public class DataCipher {

    @Inject
    KeyEncryptionKeys keys;

    private EnvelopeCipher cipher;

    @PostConstruct
    void init() {
        cipher = new EnvelopeCipher(keys);
        Log.infof(
                "personal data at rest: new values sealed under key-encryption key %s; values under %s open",
                keys.currentKeyId(), keys.keyIds());
    }

    /** See {@link EnvelopeCipher#seal}. */
    public byte[] seal(byte[] plaintext, String context) {
        return cipher.seal(plaintext, context);
    }

    /** See {@link EnvelopeCipher#open}. */
    public byte[] open(byte[] sealed, String context) {
        return cipher.open(sealed, context);
    }

    /** See {@link EnvelopeCipher#sealText}. */
    public byte[] sealText(String plaintext, String context) {
        return cipher.sealText(plaintext, context);
    }

    /** See {@link EnvelopeCipher#openText}. */
    public String openText(byte[] sealed, String context) {
        return cipher.openText(sealed, context);
    }

    /**
     * See {@link EnvelopeCipher#rewrap}: the same array back when it is already under the current key; null (a value
     * the row does not have) stays null, so a rotation job calls this for every sealed column as it is.
     */
    public byte[] rewrap(byte[] sealed, String context) {
        return sealed == null ? null : cipher.rewrap(sealed, context);
    }

    /** See {@link EnvelopeCipher#keyId}. */
    public String keyId(byte[] sealed) {
        return cipher.keyId(sealed);
    }

    /** See {@link EnvelopeCipher#needsRewrap}. */
    public boolean needsRewrap(byte[] sealed) {
        return cipher.needsRewrap(sealed);
    }

    /** The key-encryption key new values are sealed under. */
    public String currentKeyId() {
        return cipher.currentKeyId();
    }
}
