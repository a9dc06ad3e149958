package vn.gov.eid.platform.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;

/**
 * Tink's AES-256-GCM AEAD for raw key bytes: random 12-byte nonce, 16-byte tag, output {@code nonce || ciphertext ||
 * tag} with no Tink prefix (our format carries its own key id).
 */
final class Aes256Gcm {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    private static final AesGcmParameters PARAMETERS = parameters();

    private Aes256Gcm() {}

    static Aead of(SecretBytes key) throws GeneralSecurityException {
        return AesGcmJce.create(
                AesGcmKey.builder().setParameters(PARAMETERS).setKeyBytes(key).build());
    }

    static Aead of(byte[] key) throws GeneralSecurityException {
        return of(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()));
    }

    private static AesGcmParameters parameters() {
        try {
            return AesGcmParameters.builder()
                    .setKeySizeBytes(KEY_BYTES)
                    .setIvSizeBytes(NONCE_BYTES)
                    .setTagSizeBytes(TAG_BYTES)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
