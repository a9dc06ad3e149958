package vn.gov.eid.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.gov.eid.platform.crypto.ConfiguredKeyEncryptionKeys;
import vn.gov.eid.platform.crypto.DataCipherException;
import vn.gov.eid.platform.crypto.EnvelopeCipher;

/** Each sealed column of each row has a context of its own, so a ciphertext opens only where it was sealed. */
class SealContextsTest {
    private static final EnvelopeCipher CIPHER =
            new EnvelopeCipher(ConfiguredKeyEncryptionKeys.parse("unit-1:" + key()));
    private static final List<Function<UUID, String>> COLUMNS =
            List.of(SealContexts::phone, SealContexts::email, SealContexts::portrait, SealContexts::fingerprints);

    private final UUID a = UUID.randomUUID();
    private final UUID b = UUID.randomUUID();

    @Test
    void aPhoneNumberOpensOnlyInItsOwnRowAndColumn() {
        byte[] sealed = CIPHER.sealText("+84912345678", SealContexts.phone(a));
        assertEquals("+84912345678", CIPHER.openText(sealed, SealContexts.phone(a)));
        refused(sealed, SealContexts.phone(b)); // copied to another dossier
        refused(sealed, SealContexts.email(a)); // moved to the e-mail column
        refused(sealed, SealContexts.portrait(a));
    }

    @Test
    void biometricsOpenOnlyInTheirOwnRowAndColumn() {
        byte[] portrait = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};
        byte[] sealed = CIPHER.seal(portrait, SealContexts.portrait(a));
        assertArrayEquals(portrait, CIPHER.open(sealed, SealContexts.portrait(a)));
        refused(sealed, SealContexts.portrait(b));
        refused(sealed, SealContexts.fingerprints(a));
    }

    @Test
    void everyColumnOfEveryRowHasAContextOfItsOwnThatNeverChanges() {
        Set<String> contexts = new java.util.HashSet<>();
        for (Function<UUID, String> column : COLUMNS) {
            contexts.add(column.apply(a));
            contexts.add(column.apply(b));
            assertEquals(column.apply(a), column.apply(UUID.fromString(a.toString())));
        }
        assertEquals(2 * COLUMNS.size(), contexts.size());
        assertEquals("dossier_biometrics.portrait:" + a, SealContexts.portrait(a));
        assertEquals("dossier.phone:" + a, SealContexts.phone(a));
    }

    private static void refused(byte[] sealed, String context) {
        DataCipherException e = assertThrows(DataCipherException.class, () -> CIPHER.open(sealed, context));
        assertEquals(DataCipherException.Reason.NOT_AUTHENTIC, e.reason(), context);
    }

    private static String key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }
}
