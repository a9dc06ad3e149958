package vn.gov.eid.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.crypto.DataCipherException.Reason;

/** Personal data sealed at rest opens only in its own place, under a key the service has, and never as garbage. */
class EnvelopeCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String K1 = entry("k1");
    private static final String K2 = entry("k2");
    private static final String PORTRAIT = "dossier_biometrics.portrait:7f1c0e4a-0000-4000-8000-000000000001";

    private final EnvelopeCipher cipher = cipher(K1);

    @Test
    void emptySmallAndOneMebibyteValuesComeBackAsTheyWere() {
        for (int size : new int[] {0, 1, 13, 1024 * 1024}) {
            byte[] plaintext = random(size);
            byte[] sealed = cipher.seal(plaintext, PORTRAIT);
            assertArrayEquals(plaintext, cipher.open(sealed, PORTRAIT), "size " + size);
            if (size >= 13) {
                assertFalse(contains(sealed, plaintext), "plaintext visible in the sealed value");
            }
        }
        String phone = "+84 912 345 678";
        byte[] sealed = cipher.sealText(phone, "dossier.phone:1");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("912"));
        assertEquals(phone, cipher.openText(sealed, "dossier.phone:1"));
        assertEquals("Nguyễn Văn A <a@b.vn>", cipher.openText(cipher.sealText("Nguyễn Văn A <a@b.vn>", "c"), "c"));
    }

    @Test
    void theSameValueSealsDifferentlyEachTime() {
        byte[] plaintext = "0912345678".getBytes(StandardCharsets.UTF_8);
        SealedValue a = SealedValue.parse(cipher.seal(plaintext, PORTRAIT));
        SealedValue b = SealedValue.parse(cipher.seal(plaintext, PORTRAIT));
        assertFalse(Arrays.equals(a.wrappedKey(), b.wrappedKey()), "a fresh data key per value");
        assertFalse(Arrays.equals(a.data(), b.data()));
        assertEquals("k1", a.keyId());
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotOpen() {
        byte[] sealed = cipher.seal(random(100), "dossier_biometrics.portrait:1");
        for (String elsewhere :
                new String[] {"dossier_biometrics.portrait:2", "dossier_biometrics.fingerprint:1", "x", "dossier_"}) {
            DataCipherException e = assertThrows(DataCipherException.class, () -> cipher.open(sealed, elsewhere));
            assertEquals(Reason.NOT_AUTHENTIC, e.reason());
            assertTrue(e.getMessage().contains(elsewhere), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> cipher.open(sealed, ""));
        assertThrows(IllegalArgumentException.class, () -> cipher.seal(new byte[1], null));
    }

    @Test
    void theDataLayerBindsTheContextOnItsOwn() throws Exception {
        // re-wrap the data key for another row by hand, as someone holding the key-encryption key could:
        // the data layer still refuses to open there
        ConfiguredKeyEncryptionKeys keys = ConfiguredKeyEncryptionKeys.parse(K1);
        EnvelopeCipher withKeys = new EnvelopeCipher(keys);
        String row1 = "dossier.phone:1";
        String row2 = "dossier.phone:2";
        SealedValue value = SealedValue.parse(withKeys.sealText("0912345678", row1));
        byte[] dataKey = keys.find("k1")
                .orElseThrow()
                .decrypt(value.wrappedKey(), SealedValue.keyAad("k1", row1.getBytes(StandardCharsets.UTF_8)));
        byte[] forRow2 = keys.find("k1")
                .orElseThrow()
                .encrypt(dataKey, SealedValue.keyAad("k1", row2.getBytes(StandardCharsets.UTF_8)));
        byte[] moved = new SealedValue("k1", forRow2, value.data()).toBytes();
        DataCipherException e = assertThrows(DataCipherException.class, () -> withKeys.open(moved, row2));
        assertEquals(Reason.NOT_AUTHENTIC, e.reason());
        assertTrue(e.getMessage().contains("the data was modified or belongs elsewhere"), e.getMessage());
    }

    @Test
    void aDataPartGraftedOntoAnotherValuesHeaderDoesNotOpen() {
        SealedValue a = SealedValue.parse(cipher.seal(random(40), PORTRAIT));
        SealedValue b = SealedValue.parse(cipher.seal(random(40), PORTRAIT));
        byte[] graft = new SealedValue("k1", a.wrappedKey(), b.data()).toBytes();
        assertEquals(
                Reason.NOT_AUTHENTIC,
                assertThrows(DataCipherException.class, () -> cipher.open(graft, PORTRAIT))
                        .reason());
    }

    @Test
    void aFlippedBitAnywhereIsRejected() {
        byte[] sealed = cipher.seal("0912345678".getBytes(StandardCharsets.UTF_8), PORTRAIT);
        for (int i = 0; i < sealed.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xff}) {
                byte[] bad = sealed.clone();
                bad[i] ^= (byte) mask;
                int at = i;
                assertThrows(
                        DataCipherException.class,
                        () -> cipher.open(bad, PORTRAIT),
                        () -> "byte " + at + " xor " + mask + " opened");
            }
        }
    }

    @Test
    void truncatedOrExtendedInputIsRejected() {
        byte[] sealed = cipher.seal(random(20), PORTRAIT);
        for (int length = 0; length < sealed.length; length++) {
            byte[] cut = Arrays.copyOf(sealed, length);
            assertThrows(DataCipherException.class, () -> cipher.open(cut, PORTRAIT), "length " + length);
        }
        byte[] longer = Arrays.copyOf(sealed, sealed.length + 1);
        assertThrows(DataCipherException.class, () -> cipher.open(longer, PORTRAIT));
        assertEquals(
                Reason.MALFORMED,
                assertThrows(DataCipherException.class, () -> cipher.open(null, PORTRAIT))
                        .reason());
        assertEquals(
                Reason.MALFORMED,
                assertThrows(DataCipherException.class, () -> cipher.keyId(new byte[] {1, 2}))
                        .reason());
    }

    @Test
    void anotherFormatVersionIsNamed() {
        byte[] sealed = cipher.seal(random(5), PORTRAIT);
        sealed[0] = 2;
        DataCipherException e = assertThrows(DataCipherException.class, () -> cipher.open(sealed, PORTRAIT));
        assertEquals(Reason.UNSUPPORTED_VERSION, e.reason());
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void anUnknownKeyIdIsNamedInTheMessage() {
        byte[] sealed = cipher(entry("retired-2025")).seal(random(5), PORTRAIT);
        DataCipherException e = assertThrows(DataCipherException.class, () -> cipher.open(sealed, PORTRAIT));
        assertEquals(Reason.UNKNOWN_KEY, e.reason());
        assertTrue(e.getMessage().contains("'retired-2025'"), e.getMessage());
        assertTrue(e.getMessage().contains("k1"), e.getMessage());
    }

    @Test
    void otherKeyMaterialUnderTheSameIdDoesNotOpen() {
        byte[] sealed = cipher.seal(random(5), PORTRAIT);
        DataCipherException e = assertThrows(
                DataCipherException.class, () -> cipher(entry("k1")).open(sealed, PORTRAIT));
        assertEquals(Reason.NOT_AUTHENTIC, e.reason());
        assertTrue(e.getMessage().contains("'k1'"), e.getMessage());
    }

    @Test
    void rotationRewrapsOnlyTheDataKeyAndTheOldKeyCanThenBeDropped() {
        byte[] plaintext = random(1000);
        byte[] underK1 = cipher(K1).seal(plaintext, PORTRAIT);

        EnvelopeCipher rotating = cipher(K2 + "," + K1);
        assertEquals("k2", rotating.currentKeyId());
        assertArrayEquals(plaintext, rotating.open(underK1, PORTRAIT), "old values open during the rotation");
        assertEquals("k1", rotating.keyId(underK1));
        assertTrue(rotating.needsRewrap(underK1));
        assertFalse(rotating.needsRewrap(rotating.seal(plaintext, PORTRAIT)), "new values go under k2");

        assertEquals(
                Reason.NOT_AUTHENTIC,
                assertThrows(DataCipherException.class, () -> rotating.rewrap(underK1, PORTRAIT + "0"))
                        .reason(),
                "re-wrapping checks the context");
        byte[] underK2 = rotating.rewrap(underK1, PORTRAIT);
        assertEquals("k2", rotating.keyId(underK2));
        assertFalse(rotating.needsRewrap(underK2));
        assertArrayEquals(
                SealedValue.parse(underK1).data(),
                SealedValue.parse(underK2).data(),
                "the data ciphertext is not re-encrypted");
        assertSame(underK2, rotating.rewrap(underK2, PORTRAIT), "a value under the current key is left alone");

        EnvelopeCipher afterRotation = cipher(K2);
        assertArrayEquals(plaintext, afterRotation.open(underK2, PORTRAIT));
        assertEquals(
                Reason.UNKNOWN_KEY,
                assertThrows(DataCipherException.class, () -> afterRotation.open(underK1, PORTRAIT))
                        .reason(),
                "a value the job missed names the dropped key");
    }

    @Test
    void aHeaderRelabelledToAnotherConfiguredKeyDoesNotOpen() {
        EnvelopeCipher both = cipher(K2 + "," + K1);
        SealedValue underK1 = SealedValue.parse(cipher(K1).seal(random(8), PORTRAIT));
        byte[] relabelled = new SealedValue("k2", underK1.wrappedKey(), underK1.data()).toBytes();
        assertEquals(
                Reason.NOT_AUTHENTIC,
                assertThrows(DataCipherException.class, () -> both.open(relabelled, PORTRAIT))
                        .reason());
    }

    @Test
    void theLayoutIsTheDocumentedOne() {
        byte[] sealed = cipher.seal(new byte[3], PORTRAIT);
        assertEquals(1, sealed[0], "version");
        assertEquals(2, sealed[1], "key id length");
        assertEquals("k1", new String(sealed, 2, 2, StandardCharsets.US_ASCII));
        int w = ((sealed[4] & 0xff) << 8) | (sealed[5] & 0xff);
        assertEquals(12 + 32 + 16, w, "nonce, AES-256 key and tag");
        assertEquals(6 + w + 12 + 3 + 16, sealed.length, "then nonce, ciphertext and tag of the data");
    }

    static String entry(String id) {
        return id + ":" + Base64.getEncoder().encodeToString(random(32));
    }

    static EnvelopeCipher cipher(String setting) {
        return new EnvelopeCipher(ConfiguredKeyEncryptionKeys.parse(setting));
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        RANDOM.nextBytes(b);
        return b;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        if (needle.length == 0 || needle.length > haystack.length) {
            return false;
        }
        byte[] head = Arrays.copyOf(needle, Math.min(needle.length, 16));
        outer:
        for (int i = 0; i + head.length <= haystack.length; i++) {
            for (int j = 0; j < head.length; j++) {
                if (haystack[i + j] != head[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
