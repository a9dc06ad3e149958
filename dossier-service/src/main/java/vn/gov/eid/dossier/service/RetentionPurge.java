package vn.gov.eid.dossier.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.IntSupplier;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.DossierStatus;

/**
 * Deletes personal data when its retention period is over (eid.dossier.retention.*; data minimisation, Decree
 * 13/2023/ND-CP art. 3): the biometrics and e-ID contact data of completed and rejected dossiers, Idempotency-Key
 * records and access-log records. One transaction per batch, rows locked with {@code for update skip locked}, so
 * several replicas can run it at once; running again finds nothing to do.
 */
@ApplicationScoped
public class RetentionPurge {
    /** The audit trail's actor and action of a purge. */
    static final String ACTOR = "system:retention";

    static final String ACTION = "RETENTION_PURGE";

    @Inject
    EntityManager em;

    @Inject
    DossierConfig config;

    @Inject
    DossierContacts contacts;

    /** What one run deleted. */
    public record Purged(int dossiers, int idempotencyKeys, int accessLogRecords) {}

    @Scheduled(
            identity = "dossier-retention-purge",
            every = "${eid.dossier.retention.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purgeAll();
    }

    /** Runs the three purges. */
    public Purged purgeAll() {
        Purged p = new Purged(purgeClosedDossiers(), purgeIdempotencyKeys(), purgeAccessLog());
        if (p.dossiers() + p.idempotencyKeys() + p.accessLogRecords() > 0) {
            Log.infof(
                    "retention: deleted the biometrics and contact data of %d closed dossier(s), %d Idempotency-Key"
                            + " record(s), %d access-log record(s)",
                    p.dossiers(), p.idempotencyKeys(), p.accessLogRecords());
        }
        return p;
    }

    /**
     * Deletes the biometrics and e-ID contact data of dossiers completed or rejected longer ago than their retention
     * period; the dossier keeps when that happened and a line in its audit trail.
     *
     * @return how many dossiers it purged
     */
    public int purgeClosedDossiers() {
        return batches(() -> QuarkusTransaction.requiringNew().call(this::purgeDossierBatch));
    }

    /**
     * Deletes Idempotency-Key records older than their retention period (a retry after that creates nothing twice
     * either: the person's open dossier refuses a second one).
     *
     * @return how many it deleted
     */
    public int purgeIdempotencyKeys() {
        Instant before = Instant.now().minus(config.retention().idempotencyKeys());
        return batches(() -> QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("delete from idempotency_key where (actor, idem_key) in"
                                + " (select actor, idem_key from idempotency_key where created_at < ?1"
                                + " limit ?2 for update skip locked)")
                        .setParameter(1, before)
                        .setParameter(2, config.retention().batchSize())
                        .executeUpdate()));
    }

    /**
     * Deletes access-log records older than their retention period.
     *
     * @return how many it deleted
     */
    public int purgeAccessLog() {
        Instant before = Instant.now().minus(config.retention().accessLog());
        return batches(() -> QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("delete from dossier_access_log where id in"
                                + " (select id from dossier_access_log where at < ?1"
                                + " limit ?2 for update skip locked)")
                        .setParameter(1, before)
                        .setParameter(2, config.retention().batchSize())
                        .executeUpdate()));
    }

    private int purgeDossierBatch() {
        Instant now = Instant.now();
        DossierConfig.Retention retention = config.retention();
        @SuppressWarnings("unchecked")
        List<Dossier> due = em.createNativeQuery(
                        "select * from dossier where closed_at is not null and biometrics_and_contact_purged_at is null"
                                + " and ((status = 'COMPLETED' and closed_at < ?1)"
                                + " or (status = 'REJECTED' and closed_at < ?2))"
                                + " order by closed_at limit ?3 for update skip locked",
                        Dossier.class)
                .setParameter(1, now.minus(retention.completed()))
                .setParameter(2, now.minus(retention.rejected()))
                .setParameter(3, retention.batchSize())
                .getResultList();
        for (Dossier d : due) {
            em.createNativeQuery("delete from dossier_biometrics where dossier_id = ?1")
                    .setParameter(1, d.id)
                    .executeUpdate();
            contacts.erase(d);
            d.biometricsAndContactPurgedAt = now;
            d.updatedAt = now;
            Duration period = d.status == DossierStatus.COMPLETED ? retention.completed() : retention.rejected();
            DossierChanges.history(
                    d,
                    ACTOR,
                    now,
                    ACTION,
                    d.status,
                    "biometrics and e-ID contact data deleted " + describe(period) + " after " + d.status);
        }
        return due.size();
    }

    private static String describe(Duration period) {
        return period.toSeconds() % 86_400 == 0 ? period.toDays() + " day(s)" : period.toString();
    }

    private int batches(IntSupplier batch) {
        int total = 0;
        int n;
        do {
            n = batch.getAsInt();
            total += n;
        } while (n == config.retention().batchSize());
        return total;
    }
}
