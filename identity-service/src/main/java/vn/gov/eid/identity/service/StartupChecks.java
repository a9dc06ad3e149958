package vn.gov.eid.identity.service;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.messaging.out.AccountEvents;

/**
 * Stops a production start with one clear message when a required key is not configured, instead of failing
 * later at the first token or account. (A missing datasource is refused by Quarkus itself before this runs.)
 */
@ApplicationScoped
public class StartupChecks {

    @Inject
    IdentityConfig config;

    @Inject
    SigningKeys signingKeys;

    @Inject
    AccountEvents accountEvents;

    @Inject
    PasswordHasher hasher;

    void check(@Observes @Priority(1) StartupEvent event) {
        List<String> missing = new ArrayList<>();
        if (config.signingKeyLocation().filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("IDENTITY_SIGNING_KEY_LOCATION (PEM private key that signs tokens)");
        }
        if (config.smsPublicKeyLocation().filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("SMS_JWE_PUBLIC_KEY_LOCATION (PEM public key of notification-service)");
        }
        if (config.contactPrivateKeyLocation().filter(s -> !s.isBlank()).isEmpty()) {
            missing.add("IDENTITY_CONTACT_PRIVATE_KEY_LOCATION (PEM private key for dossier contacts)");
        }
        if (!missing.isEmpty() && LaunchMode.current() == LaunchMode.NORMAL) {
            throw new IllegalStateException(
                    "identity-service cannot start: not configured: " + String.join(", ", missing));
        }
        // Touch the beans so key files are read now: a wrong path fails the start, not the first request.
        signingKeys.signingKid();
        // Creating the hasher runs its known-answer tests: a broken native Argon2 library stops the start.
        hasher.maxConcurrentHashes();
        accountEvents.toString();
    }
}
