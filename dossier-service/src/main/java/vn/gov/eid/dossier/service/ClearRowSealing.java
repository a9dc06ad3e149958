package vn.gov.eid.dossier.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.dossier.domain.Biometrics;
import vn.gov.eid.dossier.domain.Contact;
import vn.gov.eid.dossier.domain.Dossier;

/**
 * Seals the rows stored before encryption (V7): the contact data in the eid_registration jsonb and the portrait and
 * templates of dossier_biometrics. One transaction per batch; each row goes from clear to sealed in one update, and
 * check constraints refuse any row with both or neither. Rows are locked with {@code for update skip locked}, so
 * several replicas share the work; running again finds nothing to do.
 */
@ApplicationScoped
public class ClearRowSealing {
    @Inject
    EntityManager em;

    @Inject
    DossierConfig config;

    @Inject
    DossierContacts contacts;

    @Inject
    SealedBiometrics biometrics;

    @Scheduled(
            identity = "dossier-clear-row-sealing",
            every = "${eid.dossier.data-at-rest.convert-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sealAll();
    }

    /**
     * Seals every row still in clear that no other transaction holds, batch after batch.
     *
     * @return how many rows (dossiers and biometrics rows) it sealed
     */
    public int sealAll() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::sealContactBatch);
            total += batch;
        } while (batch == config.dataAtRest().batchSize());
        do {
            batch = QuarkusTransaction.requiringNew().call(this::sealBiometricsBatch);
            total += batch;
        } while (batch == config.dataAtRest().batchSize());
        if (total > 0) {
            Log.infof("data at rest: sealed %d row(s) stored in clear before encryption", total);
        }
        return total;
    }

    private int sealContactBatch() {
        @SuppressWarnings("unchecked")
        List<Dossier> rows = em.createNativeQuery(
                        "select * from dossier where (eid_registration ->> 'phoneNumber') is not null"
                                + " order by id limit ?1 for update skip locked",
                        Dossier.class)
                .setParameter(1, config.dataAtRest().batchSize())
                .getResultList();
        for (Dossier d : rows) {
            contacts.seal(d, new Contact(d.eidRegistration.clearPhoneNumber(), d.eidRegistration.clearEmail()));
        }
        return rows.size();
    }

    private int sealBiometricsBatch() {
        @SuppressWarnings("unchecked")
        List<Biometrics> rows = em.createNativeQuery(
                        "select * from dossier_biometrics where portrait is not null"
                                + " order by dossier_id limit ?1 for update skip locked",
                        Biometrics.class)
                .setParameter(1, config.dataAtRest().batchSize())
                .getResultList();
        for (Biometrics b : rows) {
            biometrics.seal(b, new SealedBiometrics.Content(b.clearPortrait, b.clearFingerprints));
        }
        return rows.size();
    }
}
