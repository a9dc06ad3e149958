package vn.gov.eid.platform.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A service that stores personal data must not start with a missing, weak or ambiguous key-encryption key. */
class ConfiguredKeyEncryptionKeysTest {

    private static final byte[] KEY_A = bytes(32, 1);
    private static final byte[] KEY_B = bytes(32, 2);

    @Test
    void theFirstKeySealsAndTheOthersOnlyOpen() {
        ConfiguredKeyEncryptionKeys keys = ConfiguredKeyEncryptionKeys.parse(
                " data-2026.2:" + b64(KEY_B) + " ,\n data-2026.1 : " + b64(KEY_A) + "\n");
        assertEquals("data-2026.2", keys.currentKeyId());
        assertEquals(List.of("data-2026.2", "data-2026.1"), keys.keyIds());
        assertTrue(keys.find("data-2026.1").isPresent());
        assertTrue(keys.find("other").isEmpty());
        assertTrue(keys.find(null).isEmpty());
    }

    @Test
    void aMissingSettingIsNamedWithItsEnvironmentVariable() {
        for (String missing : new String[] {null, "", "  \n"}) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> ConfiguredKeyEncryptionKeys.parse(missing));
            assertTrue(e.getMessage().contains("eid.data.keys"), e.getMessage());
            assertTrue(e.getMessage().contains("EID_DATA_KEYS"), e.getMessage());
        }
    }

    @Test
    void theConfigDrivenBeanRejectsAMissingKeyByName() {
        DataKeysConfig unset = Optional::empty;
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> KeyEncryptionKeysProducer.fromConfig(unset));
        assertTrue(e.getMessage().contains("eid.data.keys (env EID_DATA_KEYS) is not set"), e.getMessage());

        DataCipher bean = new DataCipher();
        bean.keys = KeyEncryptionKeysProducer.fromConfig(() -> Optional.of("k1:" + b64(KEY_A)));
        bean.init();
        assertEquals("k1", bean.currentKeyId());
        assertEquals("+84912345678", bean.openText(bean.sealText("+84912345678", "c:1"), "c:1"));
    }

    @Test
    void aKeyOfAnyOtherLengthThan32BytesIsRejected() {
        for (int length : new int[] {0, 16, 24, 31, 33, 64}) {
            String encoded = b64(bytes(length, 7));
            IllegalStateException e = rejected("k1:" + encoded);
            assertTrue(e.getMessage().contains("'k1' has " + length + " bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("exactly 32"), e.getMessage());
            assertFalse(length > 0 && e.getMessage().contains(encoded), "key material in the message");
        }
    }

    @Test
    void duplicateIdsAndReusedKeyMaterialAreRejected() {
        assertTrue(
                rejected("k1:" + b64(KEY_A) + ",k1:" + b64(KEY_B)).getMessage().contains("names key id 'k1' twice"));
        assertTrue(rejected("k2:" + b64(KEY_A) + ",k1:" + b64(KEY_A))
                .getMessage()
                .contains("'k1' has the same key material as 'k2'"));
    }

    @Test
    void malformedEntriesAreRejectedWithoutQuotingKeys() {
        String secret = b64(KEY_A);
        assertTrue(rejected(secret).getMessage().contains("entry 1 has no key id"));
        assertTrue(rejected("k1:" + secret + ",").getMessage().contains("entry 2 is empty"));
        assertTrue(rejected(",k1:" + secret).getMessage().contains("entry 1 is empty"));
        assertTrue(rejected(":" + secret).getMessage().contains("entry 1: the key id must be"));
        assertTrue(rejected("a b:" + secret).getMessage().contains("entry 1: the key id must be"));
        assertTrue(rejected("x".repeat(65) + ":" + secret).getMessage().contains("1-64 characters"));
        assertTrue(rejected("k1:not*base64").getMessage().contains("'k1' is not valid base64"));
        assertTrue(rejected("k1:" + b64(new byte[32])).getMessage().contains("all zeros"));
        for (String setting : new String[] {secret, "k1:" + secret + ",", ":" + secret, "a b:" + secret}) {
            assertFalse(rejected(setting).getMessage().contains(secret), "key material in the message");
        }
    }

    private static IllegalStateException rejected(String setting) {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> ConfiguredKeyEncryptionKeys.parse(setting));
        assertTrue(e.getMessage().contains("eid.data.keys"), e.getMessage());
        return e;
    }

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 7 + 1);
        }
        return b;
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
