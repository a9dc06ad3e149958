package vn.gov.eid.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.gov.eid.identity.Fixtures.SMS_TOPIC;
import static vn.gov.eid.identity.Fixtures.awaitRecords;
import static vn.gov.eid.identity.Fixtures.newPersonalId;
import static vn.gov.eid.identity.Fixtures.newPhone;
import static vn.gov.eid.identity.Fixtures.openSms;
import static vn.gov.eid.identity.Fixtures.sendCompleted;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.identity.service.AccountContacts;
import vn.gov.eid.identity.service.PasswordHasher;
import vn.gov.eid.platform.crypto.ConfiguredKeyEncryptionKeys;
import vn.gov.eid.platform.crypto.DataCipherException;
import vn.gov.eid.platform.crypto.EnvelopeCipher;

/** A citizen's phone and e-mail rest sealed in the database; clear rows from before are converted; keys rotate. */
@QuarkusTest
class ContactEncryptionTest {

    @Inject
    EntityManager em;

    @Inject
    AccountContacts contacts;

    @Inject
    PasswordHasher hasher;

    @Test
    void theColumnsHoldCiphertextUnderTheCurrentKeyWhileTheSmsStillReachesTheNumber() {
        String pid = newPersonalId();
        String phone = newPhone();
        sendCompleted(pid, phone);
        var sms = awaitRecords(SMS_TOPIC, pid, "vn.gov.eid.sms.requested.v1", 1).get(0);
        assertEquals(phone, openSms(sms).get("phoneNumber"));

        Object[] row = row(pid);
        assertNull(row[0], "no phone in clear");
        assertNull(row[1], "no e-mail in clear");
        byte[] phoneSealed = (byte[]) row[2];
        byte[] emailSealed = (byte[]) row[3];
        assertEquals(1, phoneSealed[0], "format version");
        assertEquals("identity-test-1", keyId(phoneSealed));
        String raw = new String(phoneSealed, StandardCharsets.ISO_8859_1)
                + new String(emailSealed, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains(phone.substring(3)), "the number is not in the column");
        assertFalse(raw.contains("example.vn"), "the address is not in the column");
        CitizenAccount a = account(pid);
        assertEquals(phone, contacts.phone(a));
        assertEquals("an@example.vn", contacts.email(a));
    }

    @Test
    void aSealedValueMovedToAnotherAccountDoesNotOpen() {
        String first = newPersonalId();
        String second = newPersonalId();
        Fixtures.insertLevel1Account(em, hasher, first, "Level1_pass", newPhone());
        Fixtures.insertLevel1Account(em, hasher, second, "Level1_pass", newPhone());
        convertAll();
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update citizen_account set phone_sealed ="
                                + " (select phone_sealed from citizen_account where personal_id_number = ?1)"
                                + " where personal_id_number = ?2")
                        .setParameter(1, first)
                        .setParameter(2, second)
                        .executeUpdate());
        CitizenAccount moved = account(second);
        assertThrows(DataCipherException.class, () -> contacts.phone(moved));
    }

    @Test
    void rowsWrittenInClearBeforeEncryptionAreSealedByTheConversion() {
        String pid = newPersonalId();
        String phone = newPhone();
        Fixtures.insertLevel1Account(em, hasher, pid, "Level1_pass", phone);
        assertEquals(phone, contacts.phone(account(pid)), "a clear row is readable before its conversion");
        convertAll();
        Object[] row = row(pid);
        assertNull(row[0]);
        assertEquals(phone, contacts.phone(account(pid)));
    }

    @Test
    void valuesSealedUnderARetiredKeyAreRewrappedUnderTheCurrentOne() {
        String pid = newPersonalId();
        String phone = newPhone();
        Fixtures.insertLevel1Account(em, hasher, pid, "Level1_pass", phone);
        // seal the row as an older deployment did, under the retired key identity-test-0 (still configured to open)
        String setting = ConfigProvider.getConfig().getValue("eid.data.keys", String.class);
        EnvelopeCipher old =
                new EnvelopeCipher(ConfiguredKeyEncryptionKeys.parse(setting.substring(setting.indexOf(',') + 1)));
        byte[] underOld = old.sealText(phone, "citizen_account.phone:" + pid);
        assertEquals("identity-test-0", keyId(underOld));
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update citizen_account set phone = null, phone_sealed = ?1"
                                + " where personal_id_number = ?2")
                        .setParameter(1, underOld)
                        .setParameter(2, pid)
                        .executeUpdate());
        while (QuarkusTransaction.requiringNew().call(() -> contacts.rewrapBatch()) > 0) {
            // until no value under a retired key is left
        }
        byte[] now = (byte[]) row(pid)[2];
        assertEquals("identity-test-1", keyId(now));
        assertFalse(java.util.Arrays.equals(underOld, now));
        // only the wrapped data key changed: the data part (after the header) is the same
        int header =
                2 + underOld[1] + 2 + (((underOld[2 + underOld[1]] & 0xff) << 8) | (underOld[3 + underOld[1]] & 0xff));
        int headerNow = 2 + now[1] + 2 + (((now[2 + now[1]] & 0xff) << 8) | (now[3 + now[1]] & 0xff));
        assertArrayEquals(
                java.util.Arrays.copyOfRange(underOld, header, underOld.length),
                java.util.Arrays.copyOfRange(now, headerNow, now.length));
        assertEquals(phone, contacts.phone(account(pid)));
    }

    private void convertAll() {
        while (QuarkusTransaction.requiringNew().call(() -> contacts.convertBatch()) > 0) {
            // until no clear row is left
        }
    }

    private Object[] row(String pid) {
        return QuarkusTransaction.requiringNew()
                .call(() -> (Object[])
                        em.createNativeQuery("select phone, email, phone_sealed, email_sealed from citizen_account"
                                        + " where personal_id_number = ?1")
                                .setParameter(1, pid)
                                .getSingleResult());
    }

    private CitizenAccount account(String pid) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CitizenAccount a = CitizenAccount.findById(pid);
            em.detach(a);
            return a;
        });
    }

    private static String keyId(byte[] sealed) {
        return new String(sealed, 2, sealed[1], StandardCharsets.US_ASCII);
    }
}
