package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.platform.crypto.DataCipher;
import vn.gov.eid.platform.crypto.KeyEncryptionKeys;

/**
 * A citizen's phone number and e-mail address, stored sealed (envelope encryption, docs/adr/0003) and opened only where
 * the service needs them: to seal an SMS request and to compare numbers. Also converts rows still in clear (written
 * before encryption) and re-wraps values sealed under a retired key-encryption key, in batches that several replicas
 * can run at once.
 */
@ApplicationScoped
public class AccountContacts {

    static final int BATCH = 200;

    @Inject
    DataCipher cipher;

    @Inject
    EntityManager em;

    @Inject
    KeyEncryptionKeys keys;

    /** Without a key-encryption key no account could be created: refuse to start (EID_DATA_KEYS). */
    void onStart(@Observes StartupEvent event) {
        Log.infof("contact data is sealed under key-encryption key %s", cipher.currentKeyId());
    }

    /** The account's mobile number (E.164). */
    public String phone(CitizenAccount a) {
        return a.phoneSealed != null ? cipher.openText(a.phoneSealed, phoneContext(a)) : a.clearPhone;
    }

    /** The account's e-mail address, or null. */
    public String email(CitizenAccount a) {
        return a.emailSealed != null ? cipher.openText(a.emailSealed, emailContext(a)) : a.clearEmail;
    }

    /** Replaces the account's contact data, sealed; any clear copy from before encryption goes. */
    public void set(CitizenAccount a, String phone, String email) {
        a.phoneSealed = cipher.sealText(phone, phoneContext(a));
        a.emailSealed = email == null ? null : cipher.sealText(email, emailContext(a));
        a.clearPhone = null;
        a.clearEmail = null;
    }

    /** Seals the contact data of rows written before encryption, a batch at a time. */
    @Scheduled(
            every = "${eid.identity.contacts.convert-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void convertClearRows() {
        int converted;
        do {
            converted = QuarkusTransaction.requiringNew().call(() -> convertBatch());
        } while (converted == BATCH);
    }

    /** Re-wraps the data keys of values sealed under a key-encryption key that is no longer the current one. */
    @Scheduled(
            every = "${eid.identity.contacts.rewrap-every:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rewrapRetiredKeys() {
        if (keys.keyIds().size() < 2) {
            return; // one key: nothing can be under another, so the table is not even read
        }
        int rewrapped;
        do {
            rewrapped = QuarkusTransaction.requiringNew().call(() -> rewrapBatch());
        } while (rewrapped == BATCH);
    }

    /** Seals one batch of clear rows; the number converted (the scheduler repeats while batches are full). */
    public int convertBatch() {
        List<CitizenAccount> rows = lockBatch("phone is not null or email is not null", null);
        for (CitizenAccount a : rows) {
            set(a, phone(a), email(a));
        }
        if (!rows.isEmpty()) {
            Log.infof("contact data of %d account(s) written before encryption sealed", rows.size());
        }
        return rows.size();
    }

    /** Re-wraps one batch of values under a retired key; the number of rows touched. */
    public int rewrapBatch() {
        String current = cipher.currentKeyId();
        // the key id sits in clear in each value's header: byte 1 is its length, then the id (docs/adr/0003)
        List<CitizenAccount> rows = lockBatch(
                "(phone_sealed is not null and " + keyIdOf("phone_sealed") + " <> :current)"
                        + " or (email_sealed is not null and " + keyIdOf("email_sealed") + " <> :current)",
                current);
        for (CitizenAccount a : rows) {
            a.phoneSealed = cipher.rewrap(a.phoneSealed, phoneContext(a));
            a.emailSealed = cipher.rewrap(a.emailSealed, emailContext(a));
        }
        if (!rows.isEmpty()) {
            Log.infof("contact data of %d account(s) re-wrapped under key %s", rows.size(), current);
        }
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    private List<CitizenAccount> lockBatch(String condition, String current) {
        var query = em.createNativeQuery(
                "select * from citizen_account where " + condition + " limit " + BATCH + " for update skip locked",
                CitizenAccount.class);
        if (current != null) {
            query.setParameter("current", current);
        }
        return query.getResultList();
    }

    private static String keyIdOf(String column) {
        return "convert_from(substring(" + column + " from 3 for get_byte(" + column + ", 1)), 'UTF8')";
    }

    static String phoneContext(CitizenAccount a) {
        return "citizen_account.phone:" + a.personalIdNumber;
    }

    static String emailContext(CitizenAccount a) {
        return "citizen_account.email:" + a.personalIdNumber;
    }
}
