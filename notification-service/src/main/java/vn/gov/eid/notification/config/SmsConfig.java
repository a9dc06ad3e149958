package vn.gov.eid.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of SMS delivery: the SMSC connection, retry policy, rate cap and topics.
 */
@ConfigMapping(prefix = "eid.sms")
public interface SmsConfig {

    /** PEM (PKCS#8) private key that opens the sealed part of SMS requests (SMS_JWE_PRIVATE_KEY_LOCATION). */
    String privateKeyLocation();

    /** Sender id (source address) shown on the handset (SMS_SENDER_ID). */
    @WithDefault("${SMS_SENDER_ID:BoCongAn}")
    String senderId();

    /** Topic the status events go to. */
    @WithDefault("notification.sms-status.v1")
    String statusTopic();

    /** Topic that receives the requests that failed for good, with the reason. */
    @WithDefault("notification.sms-requests.v1.dlq")
    String deadLetterTopic();

    /** How often due messages are looked for (new ones are also dispatched right after they commit). */
    @WithDefault("1s")
    Duration pollInterval();

    /**
     * How long a replica's claim of a message for one submit lasts. Longer than a submit can take (a bind, the rate
     * cap's wait and the response timeout); once it has passed, another replica takes the message over: a one-time
     * credential is sent again (its first submit may or may not have reached the SMSC), any other SMS is failed for an
     * operator (at most once).
     */
    @WithDefault("60s")
    Duration lease();

    /**
     * How long an SMS is of use when its request gives no validUntil (notices): the submit's validity period, the
     * time sending may take, and the wait for its receipt.
     */
    @WithDefault("24h")
    Duration validityPeriod();

    /** A credential request without validUntil (from an older identity-service) is sent at most this long. */
    @WithDefault("72h")
    Duration credentialValidity();

    /**
     * How long after the end of its validity a SUBMITTED message without a receipt still waits for one before it is
     * EXPIRED (the SMSC reports an expiry a little after it happens).
     */
    @WithDefault("10m")
    Duration receiptGrace();

    /**
     * When set, a SUBMITTED message without a receipt is EXPIRED this long after its submit (if sooner than the end
     * of its validity plus the grace): for an SMSC that sends no receipt for some destinations.
     */
    java.util.Optional<Duration> receiptWait();

    /** How long a receipt whose submit is not recorded (yet) is kept to be matched, then dropped (logged). */
    @WithDefault("1h")
    Duration receiptHold();

    /**
     * Submits of unknown outcome (each may have reached the handset) after which a credential is no longer resent
     * but FAILED for an operator: a bound on the copies a citizen can get from an SMSC that keeps accepting without
     * answering in time.
     */
    @WithDefault("4")
    int maxUncertainAttempts();

    /**
     * Attempts (submits that ended in a transient error count) before a notice fails for good. One-time credentials
     * are not counted: they are tried until their validity ends.
     */
    @WithDefault("5")
    int maxAttempts();

    /** Age after which a notice that is still not submitted fails for good (EXPIRED); credentials: their validity. */
    @WithDefault("PT1H")
    Duration maxAge();

    /** First retry delay; doubled at each attempt, with up to 50 % random jitter added. */
    @WithDefault("2s")
    Duration backoffInitial();

    /** Upper bound of the retry delay. */
    @WithDefault("5m")
    Duration backoffMax();

    /**
     * SMPP window: how many submit_sm may be outstanding (sent, response not yet received) at once; one
     * dispatcher worker per slot. 1 sends strictly one at a time.
     */
    @WithDefault("4")
    int window();

    /** Cap on submit_sm per second over the SMPP session of one replica (the SMSC's limit is per bind). */
    @WithDefault("20")
    int maxPerSecond();

    /**
     * How long a FAILED message keeps its ciphertext so that an operator may retry it; afterwards the purge erases
     * it and only a credential reset at identity-service can reach the citizen.
     */
    @WithDefault("24h")
    Duration failedRetention();

    /** How often the purge looks for FAILED messages whose retention has passed. */
    @WithDefault("5m")
    Duration purgeInterval();

    /** Bounds on what operators send to the HTTP API. */
    Limits limits();

    /** The SMSC connection. */
    Smpp smpp();

    /** Input limits of the operator API (every value out of bounds is a 4xx problem+json naming it). */
    interface Limits {
        /**
         * Largest request body in bytes as sent (413 above it). The largest valid body, a retry with a 500-character
         * reason written entirely as JSON escapes, is about 3 KiB.
         */
        @WithDefault("16384")
        int bodyBytes();

        /** Messages listed when the request gives no {@code limit}. */
        @WithDefault("100")
        int listSize();

        /** Largest {@code limit} of the message list. */
        @WithDefault("1000")
        int maxListSize();
    }

    /** SMPP 3.4 session settings. */
    interface Smpp {
        /** SMSC host (SMPP_HOST). */
        @WithDefault("${SMPP_HOST:localhost}")
        String host();

        /** SMSC port (SMPP_PORT). */
        @WithDefault("${SMPP_PORT:2775}")
        int port();

        /** System id to bind with (SMPP_SYSTEM_ID), 1 to 15 characters; required (application.properties). */
        String systemId();

        /** Password to bind with (SMPP_PASSWORD), at most 8 characters (SMPP 3.4). */
        String password();

        /** System type sent in the bind (empty when unset). */
        java.util.Optional<String> systemType();

        /** Interval of enquire_link keep-alives. */
        @WithDefault("30s")
        Duration enquireLink();

        /** How long to wait for a response PDU (submit_sm_resp, bind_resp). */
        @WithDefault("10s")
        Duration responseTimeout();

        /** First delay before a re-bind after the connection was lost; doubled up to rebindMax. */
        @WithDefault("500ms")
        Duration rebindInitial();

        /** Upper bound of the re-bind delay. */
        @WithDefault("30s")
        Duration rebindMax();

        /**
         * How the SMSC's delivery receipts quote the message id of its submit_sm_resp: AS_SUBMITTED, DECIMAL (the
         * response is hex, the receipt decimal) or HEX (the reverse); Kannel's msg-id-type.
         */
        @WithDefault("AS_SUBMITTED")
        vn.gov.eid.notification.domain.SmscIds.Notation receiptId();

        /** How long to wait for the TCP connection to the SMSC (jSMPP's default would wait for the OS, minutes). */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Whether to connect at start (false: the first submit connects). */
        @WithDefault("true")
        boolean connectAtStart();
    }
}
