package vn.gov.eid.dossier.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.dossier.domain.Biometrics;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.platform.crypto.DataCipher;
import vn.gov.eid.platform.crypto.DataCipherException;
import vn.gov.eid.platform.crypto.KeyEncryptionKeys;

/**
 * Step 3 of a key rotation (docs/adr/0003): re-wraps the data keys of values sealed under another key-encryption key
 * than the current one, so that the old key can be removed from eid.data.keys. Only the wrapped data key changes. One
 * pass walks each table in id order, a batch per transaction, rows locked with {@code for update skip locked} (a row
 * another replica holds is left to the next pass); a value that cannot be re-wrapped is logged and left as it is.
 */
@ApplicationScoped
public class KeyRewrap {
    /** PostgreSQL orders uuids by their bytes, unsigned: the nil uuid comes first (Java's compareTo differs). */
    private static final UUID BEFORE_FIRST = new UUID(0, 0);

    @Inject
    EntityManager em;

    @Inject
    DossierConfig config;

    @Inject
    DataCipher cipher;

    @Inject
    KeyEncryptionKeys keys;

    @Inject
    DossierContacts contacts;

    @Inject
    SealedBiometrics biometrics;

    /** The outcome of a pass. */
    public record Pass(int rewrapped, int failed) {}

    @Scheduled(
            identity = "dossier-key-rewrap",
            every = "${eid.dossier.data-at-rest.rewrap-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (keys.keyIds().size() > 1) {
            // with a single key there is nothing a re-wrap could do: no table is read
            rewrapAll();
        }
    }

    /**
     * One pass over the sealed columns of both tables.
     *
     * @return how many rows were re-wrapped and how many hold a value that could not be
     */
    public Pass rewrapAll() {
        String current = cipher.currentKeyId();
        Pass dossiers = pass(
                "select * from dossier where id > ?1 and ("
                        + underOtherKey("phone_sealed") + " or " + underOtherKey("email_sealed")
                        + ") order by id limit ?3 for update skip locked",
                Dossier.class,
                d -> d.id,
                contacts::rewrap,
                current);
        Pass captures = pass(
                "select * from dossier_biometrics where dossier_id > ?1 and ("
                        + underOtherKey("portrait_sealed") + " or " + underOtherKey("fingerprints_sealed")
                        + ") order by dossier_id limit ?3 for update skip locked",
                Biometrics.class,
                b -> b.dossierId,
                biometrics::rewrap,
                current);
        Pass total = new Pass(dossiers.rewrapped() + captures.rewrapped(), dossiers.failed() + captures.failed());
        if (total.rewrapped() > 0 || total.failed() > 0) {
            Log.infof(
                    "data at rest: %d row(s) re-wrapped under key-encryption key %s, %d could not be",
                    total.rewrapped(), current, total.failed());
        }
        return total;
    }

    private <T> Pass pass(String sql, Class<T> type, Function<T, UUID> idOf, Predicate<T> rewrap, String current) {
        int batchSize = config.dataAtRest().batchSize();
        UUID after = BEFORE_FIRST;
        int rewrapped = 0;
        int failed = 0;
        while (true) {
            UUID from = after;
            int[] counts = new int[2];
            List<T> rows = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<T> batch = em.createNativeQuery(sql, type)
                        .setParameter(1, from)
                        .setParameter(2, current)
                        .setParameter(3, batchSize)
                        .getResultList();
                for (T row : batch) {
                    try {
                        if (rewrap.test(row)) {
                            counts[0]++;
                        }
                    } catch (DataCipherException e) {
                        // the message names the key id and the context (table, column, row), no personal data
                        Log.errorf("data at rest: cannot re-wrap (%s): %s", e.reason(), e.getMessage());
                        counts[1]++;
                    }
                }
                return batch;
            });
            rewrapped += counts[0];
            failed += counts[1];
            if (rows.size() < batchSize) {
                return new Pass(rewrapped, failed);
            }
            after = idOf.apply(rows.get(rows.size() - 1));
        }
    }

    /** A sealed column whose value names another key than ?2; the id sits in clear in the header (docs/adr/0003). */
    private static String underOtherKey(String column) {
        return "(" + column + " is not null and convert_from(substring(" + column + " from 3 for get_byte(" + column
                + ", 1)), 'UTF8') <> ?2)";
    }
}
