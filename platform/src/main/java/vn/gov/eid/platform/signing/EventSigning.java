package vn.gov.eid.platform.signing;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.gov.eid.platform.crypto.Pem;

/**
 * This service's event signer and the public keys it publishes, read from configuration when the bean is created
 * (at start); a service without a usable key does not start.
 */
@ApplicationScoped
public class EventSigning {

    @Inject
    EventTrustConfig config;

    private EventSigner signer;
    private List<PublicKey> published;

    @PostConstruct
    void init() {
        String pem = config.signingKey()
                .orElseThrow(() -> new IllegalStateException("eid.events.signing-key is not set: this service"
                        + " publishes events, and consumers accept only signed records. Configure its Ed25519 or"
                        + " P-256 key pair (PEM with a PRIVATE KEY and its PUBLIC KEY block)"));
        PublicKey publicKey;
        try {
            publicKey = EventKeys.publicKey(pem);
            signer = new EventSigner(EventKeys.privateKey(pem), publicKey);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("eid.events.signing-key " + Pem.describe(pem) + ": " + e.getMessage(), e);
        }
        // a private key that does not match its public block would sign records no consumer accepts
        SignedFields probe =
                new SignedFields("probe", "probe", "1.0", "probe", null, null, null, null, new byte[0], Map.of());
        if (!new EventVerifier(List.of(publicKey))
                .verify(signer.sign(probe), probe)
                .verified()) {
            throw new IllegalStateException("eid.events.signing-key: the PRIVATE KEY does not match the PUBLIC KEY");
        }
        // the previous keys are read now, not on the first request for them in the middle of a rotation
        List<PublicKey> keys = new ArrayList<>();
        keys.add(publicKey);
        config.previousPublicKeys().orElse(List.of()).stream()
                .filter(k -> !k.isBlank())
                .map(EventKeys::publicKey)
                .forEach(keys::add);
        published = List.copyOf(keys);
        Log.infof("events are signed with key %s", signer.keyId());
    }

    /** Created at start, so a missing or broken key stops the service before it publishes anything. */
    void onStart(@Observes StartupEvent event) {}

    public EventSigner signer() {
        return signer;
    }

    /** The current public key first, then the previous ones still published for verifiers. */
    public List<PublicKey> publishedKeys() {
        return published;
    }
}
