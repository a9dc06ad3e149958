package vn.gov.eid.platform.signing;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keys of the event signatures: the one this service signs with, and the producers whose records it accepts. */
@ConfigMapping(prefix = "eid.events")
public interface EventTrustConfig {

    /**
     * This service's event signing key: PEM (inline, a file path or classpath:) holding a PKCS#8 "PRIVATE KEY" block
     * (Ed25519 or P-256) and its "PUBLIC KEY" block. Required: consumers accept no unsigned record.
     */
    Optional<String> signingKey();

    /**
     * Public keys this service signed with before its current key (PEM inline or locations), still published at
     * /.well-known/event-keys.json while consumers may meet records signed with them.
     */
    Optional<List<String>> previousPublicKeys();

    /** The producers whose records this service accepts, by a short name (e.g. {@code dossier}). */
    Map<String, Producer> trust();

    /** One trusted producer. */
    interface Producer {

        /** Its ce_source, e.g. /eid/dossier-service; a record claiming another source is not its record. */
        String source();

        /** Its public keys (PEM inline or locations); more than one while it rotates its key. */
        Optional<List<String>> keys();

        /** The event types it publishes; another type from this source is rejected. */
        List<String> types();
    }
}
