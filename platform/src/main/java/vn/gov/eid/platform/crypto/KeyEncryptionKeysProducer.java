package vn.gov.eid.platform.crypto;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Makes the key-encryption keys from {@link DataKeysConfig}. A service that keeps its keys in a KMS or HSM declares its
 * own {@link KeyEncryptionKeys} bean, which replaces this default.
 */
@Singleton
public class KeyEncryptionKeysProducer {

    @Produces
    @ApplicationScoped
    @DefaultBean
    KeyEncryptionKeys keyEncryptionKeys(DataKeysConfig config) {
        return fromConfig(config);
    }

    /**
     * @throws IllegalStateException naming eid.data.keys and EID_DATA_KEYS when no usable key is configured
     */
    static KeyEncryptionKeys fromConfig(DataKeysConfig config) {
        return ConfiguredKeyEncryptionKeys.parse(config.keys().orElse(null));
    }
}
