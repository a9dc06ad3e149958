package vn.gov.eid.platform.crypto;

/**
 * A sealed value that cannot be opened (or a value that cannot be sealed): never garbage instead. The message names the
 * key id and the context, never plaintext or key material.
 */
public class DataCipherException extends RuntimeException {

    /** Why the operation failed. */
    public enum Reason {
        /** Not a sealed value of a known layout: too short, inconsistent lengths, bad key id. */
        MALFORMED,
        /** A format version this build does not read. */
        UNSUPPORTED_VERSION,
        /** Sealed under a key-encryption key that this service does not have. */
        UNKNOWN_KEY,
        /** An authentication tag did not match: wrong context, wrong key material under that id, or modified bytes. */
        NOT_AUTHENTIC,
        /** The key-encryption key could not wrap a data key (e.g. a KMS did not answer). */
        SEAL_FAILED
    }

    private final Reason reason;

    public DataCipherException(Reason reason, String message) {
        this(reason, message, null);
    }

    public DataCipherException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
