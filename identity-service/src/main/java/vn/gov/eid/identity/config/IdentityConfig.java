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

    /** Limits of the token endpoint that do not belong to one account. */
    Login login();

    /** Backoff and lock of staff users and service clients after failed logins. */
    StaffLockout staffLockout();

    /** Staff users and service clients created at start. */
    Bootstrap bootstrap();

    /** Activation and recovery by a one-time code sent by SMS. */
    Recovery recovery();

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

        /** How long a citizen's refresh token can be exchanged; a session left idle longer ends. */
        @WithDefault("12h")
        Duration refreshIdle();

        /** Longest citizen session, however often it is refreshed; then the citizen logs in again. */
        @WithDefault("30d")
        Duration citizenSession();

        /** How long a staff user's refresh token can be exchanged (officers, supervisors, operators). */
        @WithDefault("1h")
        Duration staffRefreshIdle();

        /** Longest staff session, however often it is refreshed: one working day. */
        @WithDefault("12h")
        Duration staffSession();
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

        /**
         * Hashes account creation and credential resets may compute at once, apart from the logins' ones, so a flood
         * of logins never starves the account-creation consumer; default: the number of cores (with one, provisioning
         * could never use more than one core's worth of the hash bound).
         */
        java.util.Optional<Integer> provisioningHashConcurrency();

        /** Longest wait of a login or password change for a hash slot; beyond it 503 with Retry-After. */
        @WithDefault("2s")
        Duration hashSlotWait();
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

    /** Limits of the token endpoint that do not belong to one account (shared by all replicas, in PostgreSQL). */
    interface Login {
        /**
         * Failed logins a client address (IPv4 address, IPv6 /64) may make per address-window before it gets 429;
         * successes do not count, so the officers of one police office behind one address keep working.
         */
        @WithDefault("60")
        int addressFailures();

        /** The window in which address-failures refill. */
        @WithDefault("1m")
        Duration addressWindow();

        /** Token requests per second the whole service (all replicas) takes; beyond it 429. */
        @WithDefault("500")
        int globalPerSecond();

        /**
         * Requests a client address may send per minute to each of the endpoints that check no password (code
         * requests, revocation): these never fail as a login fails, so they are counted as requests.
         */
        @WithDefault("30")
        int addressRequestsPerMinute();

        /**
         * Requests per second each of those endpoints takes from all addresses together, apart from the logins'
         * ceiling, so a flood on them never stops password logins.
         */
        @WithDefault("50")
        int otherEndpointsPerSecond();

        /**
         * Reverse proxies (addresses or CIDR ranges, comma-separated; IDENTITY_TRUSTED_PROXIES) whose
         * X-Forwarded-For is believed; without any, the TCP peer is the client.
         */
        Optional<java.util.List<String>> trustedProxies();
    }

    /** Backoff and lock of staff users and service clients after failed logins in a row. */
    interface StaffLockout {
        /** Failed logins in a row after which each attempt must wait (doubling each time). */
        @WithDefault("3")
        int backoffAfter();

        /** The first wait. */
        @WithDefault("1s")
        Duration backoffBase();

        /** The longest wait. */
        @WithDefault("1m")
        Duration backoffMax();

        /** Failed logins in a row that lock the account. */
        @WithDefault("10")
        int lockAfter();

        /** How long such a lock lasts. */
        @WithDefault("30m")
        Duration lockDuration();
    }

    /** Staff users and service clients created at start when absent. */
    interface Bootstrap {
        /** Staff users, name:role:password entries separated by commas (IDENTITY_BOOTSTRAP_USERS). */
        Optional<String> users();

        /** Service clients, client_id:role:secret entries separated by commas (IDENTITY_BOOTSTRAP_CLIENTS). */
        Optional<String> clients();
    }

    /** Activation and recovery by a one-time code sent by SMS (docs/adr/0006). */
    interface Recovery {
        /**
         * Server secret that keys the HMAC-SHA256 of codes and phone numbers, base64 of at least 32 random bytes
         * (IDENTITY_RECOVERY_CODE_KEY); required in prod, shared by every replica. Changing it kills live codes.
         */
        Optional<String> codeKey();

        /** How long a code can be used. */
        @WithDefault("5m")
        Duration codeValidity();

        /** Wrong tries after which a code is dead. */
        @WithDefault("5")
        int maxTries();

        /** Codes sent per account, and per phone number, within code-window; further requests send nothing. */
        @WithDefault("3")
        int maxCodes();

        /** The rolling window of max-codes. */
        @WithDefault("1h")
        Duration codeWindow();

        /**
         * Wrong codes an account may see within failure-window, across all its codes; past it no code is sent and
         * none is accepted until the window moves on (without it, 5 tries x 3 codes an hour would go on for ever).
         */
        @WithDefault("10")
        int maxFailures();

        /** The rolling window of max-failures. */
        @WithDefault("24h")
        Duration failureWindow();

        /** Requests waiting to be handled (the answer never waits for them); beyond it 503. */
        @WithDefault("1000")
        int queueCapacity();
    }
}
