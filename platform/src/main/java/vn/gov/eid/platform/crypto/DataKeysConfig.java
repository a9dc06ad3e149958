package vn.gov.eid.platform.crypto;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Keys of the encryption of personal data at rest (read only by services that inject {@link DataCipher}). */
@ConfigMapping(prefix = "eid.data")
public interface DataKeysConfig {

    /**
     * Key-encryption keys (env EID_DATA_KEYS): comma-separated {@code kid:base64(32 random bytes)}, the first seals,
     * the others only open values sealed before a rotation. Required where {@link DataCipher} is used; a secret.
     */
    Optional<String> keys();
}
