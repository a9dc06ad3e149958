package vn.gov.eid.dossier.service;

import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.DossierStatus;
import vn.gov.eid.dossier.domain.HistoryEntry;
import vn.gov.eid.platform.error.DomainException;

/** The steps every change of a dossier shares: the If-Match check, the optimistic-lock flush, the history line. */
final class DossierChanges {
    private DossierChanges() {}

    /** Refuses a change made on a stale read, so an officer never overwrites a change they did not see. */
    static void checkVersion(Dossier d, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != d.version) {
            throw DomainException.stale(
                            "stale-dossier",
                            "Dossier changed meanwhile",
                            "The dossier was modified since you read it; reload it and try again")
                    .with("currentVersion", d.version);
        }
    }

    /** Flushes now so that a concurrent winner shows up as a clean conflict rather than as a failed commit. */
    static void flush() {
        try {
            Dossier.flush();
        } catch (OptimisticLockException e) {
            throw DomainException.conflict(
                    "concurrent-change",
                    "Dossier changed meanwhile",
                    "Another user changed this dossier at the same time; reload it and try again");
        }
    }

    /** Writes the audit line of a change: the dossier's status now is where it went to. */
    static void history(Dossier d, String actor, Instant at, String action, DossierStatus from, String note) {
        HistoryEntry h = new HistoryEntry();
        h.dossierId = d.id;
        h.actor = actor;
        h.at = at;
        h.action = action;
        h.fromStatus = from;
        h.toStatus = d.status;
        h.note = note;
        h.persist();
    }
}
