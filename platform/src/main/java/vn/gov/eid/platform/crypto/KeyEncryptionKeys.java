package vn.gov.eid.platform.crypto;

import com.google.crypto.tink.Aead;
import java.util.List;
import java.util.Optional;

/**
 * The key-encryption keys (KEKs) that wrap the per-value data keys, by id. The configured implementation holds them in
 * memory; a KMS or HSM implementation returns the Tink {@link Aead} of its client (e.g. {@code KmsClient.getAead}) and
 * replaces the configured one by being a bean of this type.
 */
public interface KeyEncryptionKeys {

    /** The id of the key that wraps the data keys of new values (and of re-wrapped ones). */
    String currentKeyId();

    /** Every id this service can open values of, the current one first; for messages and logs. */
    List<String> keyIds();

    /**
     * The key with this id as an AEAD whose associated data is authenticated, or empty when this service does not
     * have it.
     */
    Optional<Aead> find(String keyId);
}
