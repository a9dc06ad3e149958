package vn.gov.eid.platform.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import vn.gov.eid.platform.crypto.DataCipherException.Reason;

/**
 * The stored layout of a sealed value, format version 1 (docs/adr/0003), and the associated data that binds its two
 * layers to their context:
 *
 * <pre>
 * version (1 byte, 0x01) | n (1 byte) | KEK id (n bytes, ASCII) | w (2 bytes, big-endian) | wrapped data key (w bytes)
 *     | data: nonce (12) || ciphertext || tag (16)
 * </pre>
 */
record SealedValue(String keyId, byte[] wrappedKey, byte[] data) {

    static final byte VERSION = 1;
    static final int MAX_KEY_ID_LENGTH = 64;
    static final int MAX_WRAPPED_KEY_LENGTH = 4096;
    static final int MIN_DATA_LENGTH = Aes256Gcm.NONCE_BYTES + Aes256Gcm.TAG_BYTES;

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_KEY_ID_LENGTH + "}");
    private static final byte[] DATA_LABEL = "eid.data.v1/data".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEY_LABEL = "eid.data.v1/key".getBytes(StandardCharsets.US_ASCII);

    /** Ids are short and printable, so they can stand in messages, logs and the associated data unescaped. */
    static boolean validKeyId(String keyId) {
        return keyId != null && KEY_ID.matcher(keyId).matches();
    }

    static SealedValue parse(byte[] sealed) {
        if (sealed == null || sealed.length == 0) {
            throw malformed("it is empty");
        }
        if (sealed[0] != VERSION) {
            throw new DataCipherException(
                    Reason.UNSUPPORTED_VERSION,
                    "sealed value has format version " + (sealed[0] & 0xff) + "; this build reads version " + VERSION);
        }
        int at = 1;
        if (sealed.length < at + 1) {
            throw malformed("it is truncated");
        }
        int n = sealed[at++] & 0xff;
        if (sealed.length < at + n + 2) {
            throw malformed("it is truncated");
        }
        String keyId = new String(sealed, at, n, StandardCharsets.US_ASCII);
        if (!validKeyId(keyId)) {
            throw malformed("its key id is not 1-" + MAX_KEY_ID_LENGTH + " characters of A-Z a-z 0-9 . _ -");
        }
        at += n;
        int w = ((sealed[at] & 0xff) << 8) | (sealed[at + 1] & 0xff);
        at += 2;
        if (w == 0 || w > MAX_WRAPPED_KEY_LENGTH) {
            throw malformed("its wrapped data key length " + w + " is out of range");
        }
        if (sealed.length < at + w + MIN_DATA_LENGTH) {
            throw malformed("it is truncated");
        }
        byte[] wrapped = new byte[w];
        System.arraycopy(sealed, at, wrapped, 0, w);
        at += w;
        byte[] data = new byte[sealed.length - at];
        System.arraycopy(sealed, at, data, 0, data.length);
        return new SealedValue(keyId, wrapped, data);
    }

    byte[] toBytes() {
        if (!validKeyId(keyId)) {
            throw new IllegalArgumentException(
                    "key id '" + keyId + "' is not 1-" + MAX_KEY_ID_LENGTH + " characters of A-Z a-z 0-9 . _ -");
        }
        if (wrappedKey.length == 0 || wrappedKey.length > MAX_WRAPPED_KEY_LENGTH) {
            throw new DataCipherException(
                    Reason.SEAL_FAILED,
                    "key-encryption key '" + keyId + "' wrapped a data key into " + wrappedKey.length
                            + " bytes; the format holds 1-" + MAX_WRAPPED_KEY_LENGTH);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4 + keyId.length() + wrappedKey.length + data.length);
        out.write(VERSION);
        out.write(keyId.length());
        out.writeBytes(keyId.getBytes(StandardCharsets.US_ASCII));
        out.write(wrappedKey.length >>> 8);
        out.write(wrappedKey.length & 0xff);
        out.writeBytes(wrappedKey);
        out.writeBytes(data);
        return out.toByteArray();
    }

    /**
     * Associated data of the data layer: the context, but not the key id, so that re-wrapping under another
     * key-encryption key leaves the data ciphertext as it is.
     */
    static byte[] dataAad(byte[] context) {
        return concat(DATA_LABEL, new byte[] {0}, context);
    }

    /** Associated data of the wrapped data key: the key id and the context. */
    static byte[] keyAad(String keyId, byte[] context) {
        return concat(KEY_LABEL, new byte[] {0}, keyId.getBytes(StandardCharsets.US_ASCII), new byte[] {0}, context);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static DataCipherException malformed(String why) {
        return new DataCipherException(Reason.MALFORMED, "not a sealed value: " + why);
    }
}
