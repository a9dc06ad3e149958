package vn.gov.eid.dossier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of dossier-service (prefix {@code eid.dossier}). */
@ConfigMapping(prefix = "eid.dossier")
public interface DossierConfig {
    /** Kafka topic the dossier lifecycle events go to. */
    @WithDefault("dossier.events.v1")
    String eventsTopic();

    /**
     * PEM public key (file path or classpath:) of identity-service's contact key; the phone number and
     * email in completed events are sealed to it. Set from IDENTITY_CONTACT_PUBLIC_KEY_LOCATION.
     */
    String contactPublicKeyLocation();
}
