package vn.gov.eid.dossier.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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

    /** Limits on captured biometrics. */
    BiometricsLimits biometrics();

    /** Paging of GET /api/v1/dossiers. */
    Paging paging();

    /** Largest request bodies. */
    BodyLimits limits();

    /** What partner clients may read. */
    Partner partner();

    /** The jobs that keep personal data at rest sealed under the current key (keys: eid.data.keys, docs/adr/0003). */
    DataAtRest dataAtRest();

    /** How long personal data is kept. */
    Retention retention();

    /** Limits on captured biometrics. */
    interface BiometricsLimits {
        /** Largest portrait accepted, in bytes of JPEG. */
        @WithDefault("524288")
        int maxPortraitBytes();

        /** Smallest portrait width in pixels. */
        @WithDefault("240")
        int minPortraitWidth();

        /** Smallest portrait height in pixels. */
        @WithDefault("320")
        int minPortraitHeight();

        /** Largest portrait width and height in pixels. */
        @WithDefault("2000")
        int maxPortraitSide();

        /** Fewest distinct fingers per capture (both index fingers at least; some citizens lack fingers). */
        @WithDefault("2")
        int minFingers();

        /** Lowest accepted quality score (0-100) of a fingerprint template. */
        @WithDefault("40")
        int minFingerprintQuality();

        /** Largest fingerprint template, in bytes after base64 decoding. */
        @WithDefault("16384")
        int maxTemplateBytes();
    }

    /** Paging of GET /api/v1/dossiers. */
    interface Paging {
        /** Page size when the caller gives none. */
        @WithDefault("20")
        int defaultSize();

        /** Largest page size a caller may ask for. */
        @WithDefault("100")
        int maxSize();

        /** Largest page index (from 0); with max-size it bounds the row offset, which must stay below 2^31. */
        @WithDefault("10000")
        int maxPage();
    }

    /** Largest request bodies, in bytes as sent (413 above them, checked before anything is read further). */
    interface BodyLimits {
        /** Every route but the biometrics capture; the largest valid submission is about 140 KiB. */
        @WithDefault("262144")
        int bodyBytes();

        /**
         * PUT /api/v1/dossiers/{id}/biometrics: a base64 portrait of biometrics.max-portrait-bytes and ten base64
         * templates of biometrics.max-template-bytes (about 900 KiB at their defaults); raise it with them.
         */
        @WithDefault("1048576")
        int biometricsBodyBytes();
    }

    /** What partner clients may read: exact lookups by personal ID number, within a quota. */
    interface Partner {
        /** Lookups one partner client may make per quota window; more answer 429 with Retry-After. */
        @WithDefault("60")
        int lookupsPerWindow();

        /** Length of a quota window; a client's window starts with its first lookup after the previous one ended. */
        @WithDefault("PT1M")
        Duration quotaWindow();
    }

    /** The jobs that keep personal data at rest sealed under the current key-encryption key. */
    interface DataAtRest {
        /** How often rows still in clear (stored before encryption) are looked for and sealed; also once at start. */
        @WithDefault("PT1M")
        Duration convertEvery();

        /**
         * How often values sealed under another key than the current one are re-wrapped under it; the job reads
         * nothing while eid.data.keys holds a single key.
         */
        @WithDefault("PT10M")
        Duration rewrapEvery();

        /** Rows per transaction of these jobs (each batch locks its rows with for update skip locked). */
        @WithDefault("100")
        int batchSize();
    }

    /**
     * How long personal data is kept. Data minimisation and storage limitation (Decree 13/2023/ND-CP art. 3, and the
     * Personal Data Protection Law 91/2025/QH15 from 2026): biometrics and contact data serve the card and the e-ID
     * account; once the card is produced and the account created from the completed event (or the dossier is
     * rejected), they are no longer needed here.
     */
    interface Retention {
        /** Biometrics and e-ID contact data of a COMPLETED dossier are deleted this long after completion. */
        @WithDefault("P30D")
        Duration completed();

        /** Biometrics and e-ID contact data of a REJECTED dossier are deleted this long after the rejection. */
        @WithDefault("P30D")
        Duration rejected();

        /** Idempotency-Key records are deleted this long after the submission (a retry comes within minutes). */
        @WithDefault("PT24H")
        Duration idempotencyKeys();

        /** Access-log records (partner lookups, staff reads) are kept this long for audits, then deleted. */
        @WithDefault("P365D")
        Duration accessLog();

        /** How often the retention purge runs. */
        @WithDefault("PT1H")
        Duration every();

        /** Rows per transaction of the purge (each batch locks its rows with for update skip locked). */
        @WithDefault("100")
        int batchSize();
    }
}
