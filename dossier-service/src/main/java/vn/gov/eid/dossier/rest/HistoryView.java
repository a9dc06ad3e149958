package vn.gov.eid.dossier.rest;

import java.time.Instant;
import vn.gov.eid.dossier.domain.DossierStatus;
import vn.gov.eid.dossier.domain.HistoryEntry;

/** One audit-trail line as the history endpoint shows it. */
public record HistoryView(String actor, Instant at, String action, DossierStatus from, DossierStatus to, String note) {
    static HistoryView of(HistoryEntry h) {
        return new HistoryView(h.actor, h.at, h.action, h.fromStatus, h.toStatus, h.note);
    }
}
