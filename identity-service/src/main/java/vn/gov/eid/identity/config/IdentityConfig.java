package vn.gov.eid.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Typed settings of identity-service (prefix eid.identity). */
@ConfigMapping(prefix = "eid.identity")
public interface IdentityConfig {

    /**
     * iss of every issued token; by default the issuer that every service, this one included, accepts
     * (mp.jwt.verify.issuer, set by IDENTITY_ISSUER; its default is in the platform library).
     */
    @WithDefault("${mp.jwt.verify.issuer}")
    String issuer();

    /** PEM private RSA key that signs tokens (IDENTITY_SIGNING_KEY_LOCATION); required in prod. */
    Optional<String> signingKeyLocation();

    /** PEM public keys retired from signing, still published in the JWKS until their tokens expire (comma list). */
    Optional<java.util.List<String>> previousPublicKeyLocations();

    /** PEM public key of notification-service that SMS secrets are encrypted to (SMS_JWE_PUBLIC_KEY_LOCATION); required in prod. */
    Optional<String> smsPublicKeyLocation();

    /** PEM private key that opens the sealed contact data of dossier events (IDENTITY_CONTACT_PRIVATE_KEY_LOCATION). */
    Optional<String> contactPrivateKeyLocation();

    /** Kafka topics this service produces to. */
    Topics topics();

    /** Token settings. */
    Token token();

    /** Password and hashing settings. */
    Password password();

    /** Failed-login lockout settings. */
    Lockout lockout();

    /** Per-address rate limit of the token endpoint. */
    RateLimit rateLimit();

    /** Staff users and service clients created at start. */
    Bootstrap bootstrap();

    /** Kafka topics this service produces to. */
    interface Topics {
        /** Partner-facing account events. */
        @WithDefault("identity.accounts.v1")
        String accounts();

        /** SMS requests for notification-service. */
        @WithDefault("notification.sms-requests.v1")
        String smsRequests();
    }

    /** Token settings. */
    interface Token {
        /** Lifetime of an access token. */
        @WithDefault("15m")
        Duration lifetime();
    }

    /** Password and hashing settings. */
    interface Password {
        /** How long a generated temporary password can be used to log in. */
        @WithDefault("72h")
        Duration temporaryValidity();

        /** Argon2id iterations (t); Keycloak's default is 5. */
        @WithDefault("5")
        int argon2Iterations();

        /** Argon2id memory in KiB (m); Keycloak's default is 7168. */
        @WithDefault("7168")
        int argon2MemoryKib();

        /** Argon2id lanes (p); Keycloak's default is 1. */
        @WithDefault("1")
        int argon2Parallelism();

        /**
         * Most password hashes computed at once (each one mallocs argon2-memory-kib outside the heap and keeps a core
         * busy; callers beyond it wait); default: the number of cores.
         */
        java.util.Optional<Integer> hashConcurrency();
    }

    /** Failed-login lockout settings. */
    interface Lockout {
        /** Consecutive failed logins that lock an account. */
        @WithDefault("5")
        int maxFailures();

        /** How long such a lock lasts. */
        @WithDefault("15m")
        Duration duration();
    }

    /** Per-address rate limit of the token endpoint. */
    interface RateLimit {
        /** Token requests allowed per client address and minute (one police office shares one address). */
        @WithDefault("600")
        int requestsPerMinute();
    }

    /** Staff users and service clients created at start when absent. */
    interface Bootstrap {
        /** Staff users, name:role:password entries separated by commas (IDENTITY_BOOTSTRAP_USERS). */
        Optional<String> users();

        /** Service clients, client_id:role:secret entries separated by commas (IDENTITY_BOOTSTRAP_CLIENTS). */
        Optional<String> clients();
    }
}
