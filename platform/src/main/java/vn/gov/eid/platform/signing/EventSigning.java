package vn.gov.eid.platform.signing;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import vn.gov.eid.platform.crypto.Pem;

/** This service's event signer, read from configuration at start; a service without a usable key does not start. */
@ApplicationScoped
public class EventSigning {

    @Inject
    EventTrustConfig config;

    private volatile EventSigner signer;
    private volatile java.security.PublicKey publicKey;

    void onStart(@Observes StartupEvent event) {
        signer();
    }

    /** The signer; the first call reads and checks the key. */
    public EventSigner signer() {
        EventSigner s = signer;
        if (s == null) {
            synchronized (this) {
                if (signer == null) {
                    signer = load();
                }
                s = signer;
            }
        }
        return s;
    }

    /** The public half of the signing key (published for verifiers). */
    public java.security.PublicKey publicKey() {
        signer();
        return publicKey;
    }

    private EventSigner load() {
        String pem = config.signingKey()
                .orElseThrow(() -> new IllegalStateException("eid.events.signing-key is not set: this service"
                        + " publishes events, and consumers accept only signed records. Configure its Ed25519 or"
                        + " P-256 key pair (PEM with a PRIVATE KEY and its PUBLIC KEY block)"));
        EventSigner s;
        try {
            s = new EventSigner(EventKeys.privateKey(pem), EventKeys.publicKey(pem));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("eid.events.signing-key " + Pem.describe(pem) + ": " + e.getMessage(), e);
        }
        // a private key that does not match its public block would sign records no consumer accepts
        SignedFields probe = new SignedFields(
                "probe", "probe", "1.0", "probe", null, null, null, null, new byte[0], java.util.Map.of());
        if (!new EventVerifier(List.of(EventKeys.publicKey(pem)))
                .verify(s.sign(probe), probe)
                .verified()) {
            throw new IllegalStateException("eid.events.signing-key: the PRIVATE KEY does not match the PUBLIC KEY");
        }
        publicKey = EventKeys.publicKey(pem);
        // checked now, not on the first request for /.well-known/event-keys.json in the middle of a rotation
        config.previousPublicKeys().orElse(List.of()).stream()
                .filter(k -> !k.isBlank())
                .forEach(EventKeys::publicKey);
        Log.infof("events are signed with key %s", s.keyId());
        return s;
    }
}
