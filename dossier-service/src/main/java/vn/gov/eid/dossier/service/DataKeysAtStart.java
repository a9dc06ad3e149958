package vn.gov.eid.dossier.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import vn.gov.eid.platform.crypto.DataCipher;

/**
 * Stops the start when no usable key-encryption key is configured (eid.data.keys, env EID_DATA_KEYS): without one no
 * dossier with an e-ID registration and no biometrics could be stored, and the message names the setting.
 */
@ApplicationScoped
public class DataKeysAtStart {
    @Inject
    DataCipher cipher;

    void check(@Observes StartupEvent start) {
        // creating the cipher parses the keys and throws IllegalStateException naming the setting
        Log.infof("biometrics and e-ID contact data are sealed under key-encryption key %s", cipher.currentKeyId());
    }
}
