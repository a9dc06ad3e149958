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

    /** Attempts (submits that ended in a transient error count) before a message fails for good. */
    @WithDefault("5")
    int maxAttempts();

    /** Age after which a message that is still not submitted fails for good (EXPIRED). */
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

    /** Cap on submit_sm per second over the SMPP session. */
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

        /** Whether to connect at start (false: the first submit connects). */
        @WithDefault("true")
        boolean connectAtStart();
    }
}
