package vn.gov.eid.dossier.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.gov.eid.dossier.domain.Action;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.DossierStatus;
import vn.gov.eid.dossier.messaging.out.DossierEvents;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/** Moves dossiers along the workflow's state machine ({@link Action}), with its audit trail and events. */
@ApplicationScoped
@Transactional
public class WorkflowService {
    @Inject
    DossierEvents events;

    @Inject
    DossierQuery query;

    @Inject
    DossierContacts contacts;

    /**
     * Takes one workflow step. The role is checked before the state; {@code expectedVersion} is the client's
     * If-Match (null when absent).
     */
    public Dossier transition(
            UUID id, Action action, String note, String actor, Set<String> roles, Long expectedVersion) {
        if (!roles.contains(action.role())) {
            throw DomainException.notPermitted(
                            "action-not-permitted",
                            "Action not permitted for your role",
                            action + " is reserved for the " + action.role() + " role")
                    .with("action", action)
                    .with("requiredRole", action.role());
        }
        if (action.noteRequired() && (note == null || note.isBlank())) {
            // Not DomainException.violations: its detail would differ from the one this answer has always had.
            throw DomainException.invalid("validation", "Invalid request", "The request has invalid fields")
                    .with("violations", List.of(new Violation("note", "is required for " + action)));
        }
        Dossier d = query.find(id);
        DossierChanges.checkVersion(d, expectedVersion);
        DossierStatus from = d.status;
        DossierStatus to = action.next(from)
                .orElseThrow(() -> DomainException.conflict(
                                "transition-not-allowed",
                                "Action not allowed in the current state",
                                action + " is not allowed when the dossier is " + from)
                        .with("dossierStatus", from)
                        .with("allowedActions", Action.allowedFrom(from)));
        guard(d, action);
        Instant now = Instant.now();
        d.status = to;
        d.updatedAt = now;
        if (!to.open()) {
            d.closedAt = now;
        }
        DossierChanges.flush();
        DossierChanges.history(d, actor, now, action.name(), from, note);
        if (to == DossierStatus.COMPLETED) {
            events.completed(d, now, contacts.of(d));
        } else {
            events.stateReached(d, now);
        }
        Log.infof("dossier %s: %s -> %s by %s (%s)", d.id, from, to, actor, action);
        return d;
    }

    /** Preconditions beyond the state table: what must be on file before a supervisor decides. */
    private static void guard(Dossier d, Action action) {
        if (action == Action.APPROVE && !d.biometricsCaptured) {
            throw DomainException.conflict(
                    "biometrics-missing",
                    "Biometrics missing",
                    "Capture the portrait and fingerprints before approving");
        }
        if (action == Action.COMPLETE && d.eidRegistration != null) {
            List<String> unverified = d.eidRegistration.integratedDocuments().stream()
                    .filter(doc -> !doc.originalVerified())
                    .map(doc -> doc.type().name())
                    .toList();
            if (!unverified.isEmpty()) {
                throw DomainException.conflict(
                                "unverified-documents",
                                "Integrated documents not verified",
                                "An officer must compare the originals of " + unverified + " before completion")
                        .with("unverifiedDocuments", unverified);
            }
        }
    }
}
