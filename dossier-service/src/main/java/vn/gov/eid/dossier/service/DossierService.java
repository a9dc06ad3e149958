package vn.gov.eid.dossier.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import vn.gov.eid.dossier.domain.Action;
import vn.gov.eid.dossier.domain.Biometrics;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.DossierStatus;
import vn.gov.eid.dossier.domain.DossierType;
import vn.gov.eid.dossier.domain.EidRegistration;
import vn.gov.eid.dossier.domain.HistoryEntry;
import vn.gov.eid.dossier.domain.IdempotencyRecord;
import vn.gov.eid.dossier.domain.IntegratedDocumentType;
import vn.gov.eid.dossier.domain.PhoneNumbers;
import vn.gov.eid.dossier.messaging.DossierEvents;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/** Business rules of dossiers: submission, the workflow state machine, audit trail and events. */
@ApplicationScoped
@Transactional
public class DossierService {
    @Inject
    DossierEvents events;

    @Inject
    ObjectMapper mapper;

    @Inject
    BiometricsCheck biometricsCheck;

    /** The outcome of a submission: the dossier, and whether it is a replay of an earlier request. */
    public record Submission(Dossier dossier, boolean replayed) {
    }

    /**
     * Submits with an Idempotency-Key: the same key with the same body returns the dossier the first request
     * created (no second dossier, no second event); the same key with another body is refused with 422.
     */
    public Submission submit(NewDossier request, String actor, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Submission(submit(request, actor), false);
        }
        String hash = hash(request);
        IdempotencyRecord.Key key = new IdempotencyRecord.Key(actor, idempotencyKey);
        Submission replay = replay(key, hash);
        if (replay != null) {
            return replay;
        }
        Dossier d = submit(request, actor);
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = key;
        record.requestHash = hash;
        record.dossierId = d.id;
        record.createdAt = d.createdAt;
        record.persist();
        return new Submission(d, false);
    }

    /**
     * The earlier answer for this key, read in a fresh transaction: used after a submission lost a race against
     * a simultaneous request with the same key, whose transaction has committed by then.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Submission replayAfterConflict(NewDossier request, String actor, String idempotencyKey) {
        return replay(new IdempotencyRecord.Key(actor, idempotencyKey), hash(request));
    }

    private Submission replay(IdempotencyRecord.Key key, String hash) {
        IdempotencyRecord known = IdempotencyRecord.findById(key);
        if (known == null) {
            return null;
        }
        if (!known.requestHash.equals(hash)) {
            throw DomainException.unprocessable("idempotency-key-reused", "Idempotency-Key already used",
                    "This Idempotency-Key was used for a different request body");
        }
        return new Submission(find(known.dossierId), true);
    }

    /** Opens a dossier in SUBMITTED, writes its first history line and the submitted event. */
    public Dossier submit(NewDossier request, String actor) {
        String pid = request.applicant().personalIdNumber();
        Dossier.openFor(pid).ifPresent(open -> {
            throw openDossierExists(open.id);
        });
        if (request.type() == DossierType.ISSUE) {
            Dossier.lastCompletedFor(pid).ifPresent(done -> {
                throw DomainException.conflict("already-issued", "A card was already issued to this person",
                        "This person has a completed dossier; use EXCHANGE or REISSUE instead of ISSUE")
                        .with("completedDossierId", done.id);
            });
        }
        Instant now = Instant.now();
        Dossier d = new Dossier();
        d.id = UUID.randomUUID();
        d.type = request.type();
        d.exchangeReason = request.exchangeReason();
        d.currentCardNumber = request.currentCardNumber();
        d.lostCardNumber = request.lostCardNumber();
        d.status = DossierStatus.SUBMITTED;
        d.applicant = request.applicant();
        d.personalIdNumber = request.applicant().personalIdNumber();
        d.fullName = request.applicant().fullName();
        d.dateOfBirth = request.applicant().dateOfBirth();
        d.sex = request.applicant().sex();
        d.eidRegistration = normalised(request.eidRegistration());
        d.createdBy = actor;
        d.createdAt = now;
        d.updatedAt = now;
        try {
            d.persist();
            history(d, actor, now, "SUBMIT", null, null);
            events.stateReached(d, now);
            Dossier.flush();
        } catch (PersistenceException e) {
            // A concurrent submission for the same person may have passed the check above; the partial unique
            // index stops it at whichever statement flushes the insert, and the rollback takes along anything
            // this transaction wrote (history, outbox row).
            if (violates(e, "dossier_one_open_per_person")) {
                throw openDossierExists(null);
            }
            throw e;
        }
        Log.infof("dossier %s (%s) submitted by %s", d.id, d.type, actor);
        return d;
    }

    /**
     * Moves a dossier one step along the workflow. {@code expectedVersion} is the client's If-Match
     * (null when absent): a stale one is refused so an officer never overwrites a change they did not see.
     */
    public Dossier transition(UUID id, TransitionRequest request, String actor, Set<String> roles,
                              Long expectedVersion) {
        Action action = request.action();
        if (!roles.contains(action.role())) {
            throw DomainException.notPermitted("action-not-permitted", "Action not permitted for your role",
                    action + " is reserved for the " + action.role() + " role")
                    .with("action", action).with("requiredRole", action.role());
        }
        if (action.noteRequired() && (request.note() == null || request.note().isBlank())) {
            throw DomainException.invalid("validation", "Invalid request", "The request has invalid fields")
                    .with("violations", List.of(new Violation("note", "is required for " + action)));
        }
        Dossier d = find(id);
        checkVersion(d, expectedVersion);
        DossierStatus from = d.status;
        DossierStatus to = action.next(from).orElseThrow(() -> DomainException.conflict("transition-not-allowed",
                "Action not allowed in the current state", action + " is not allowed when the dossier is " + from)
                .with("dossierStatus", from).with("allowedActions", Action.allowedFrom(from)));
        guard(d, action);
        Instant now = Instant.now();
        d.status = to;
        d.updatedAt = now;
        try {
            // Flush here so a concurrent winner shows up as a clean 409 rather than a failed commit.
            Dossier.flush();
        } catch (OptimisticLockException e) {
            throw concurrentChange();
        }
        history(d, actor, now, action.name(), from, request.note());
        events.stateReached(d, now);
        Log.infof("dossier %s: %s -> %s by %s (%s)", d.id, from, to, actor, action);
        return d;
    }

    /** Records that the officer compared the original of an integrated document with what was entered. */
    public Dossier verifyDocument(UUID id, IntegratedDocumentType type, String actor, Long expectedVersion) {
        Dossier d = find(id);
        checkVersion(d, expectedVersion);
        // The citizen may bring an original late, while the approved card is being produced.
        if (!d.status.open()) {
            throw DomainException.conflict("dossier-locked", "Dossier no longer editable",
                    "The documents of a dossier in " + d.status + " cannot change").with("dossierStatus", d.status);
        }
        EidRegistration reg = d.eidRegistration;
        if (reg == null || reg.integratedDocuments().stream().noneMatch(doc -> doc.type() == type)) {
            throw DomainException.notFound("document-not-found", "No such integrated document",
                    "The dossier has no integrated document of type " + type);
        }
        d.eidRegistration = new EidRegistration(reg.phoneNumber(), reg.email(), reg.dependents(),
                reg.integratedDocuments().stream().map(doc -> doc.type() == type ? doc.verified() : doc).toList());
        return changed(d, actor, "VERIFY_DOCUMENT", type.name());
    }

    /** Stores (or replaces) the portrait and fingerprints; they are required before APPROVE. */
    public record Captured(Dossier dossier, Biometrics biometrics) {
    }

    public Captured captureBiometrics(UUID id, BiometricsCapture capture, String actor, Long expectedVersion) {
        Dossier d = find(id);
        checkVersion(d, expectedVersion);
        requireCapturable(d, "biometrics");
        Biometrics b = biometricsCheck.check(capture);
        Biometrics existing = Biometrics.findById(id);
        if (existing != null) {
            existing.delete();
            Biometrics.flush();
        }
        b.dossierId = id;
        b.capturedBy = actor;
        b.capturedAt = Instant.now();
        b.persist();
        d.biometricsCaptured = true;
        return new Captured(changed(d, actor, "CAPTURE_BIOMETRICS", null), b);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Dossier find(UUID id) {
        Dossier d = Dossier.findById(id);
        if (d == null) {
            throw DomainException.notFound("dossier-not-found", "Dossier not found", "No dossier with id " + id);
        }
        return d;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryEntry> history(UUID id) {
        find(id);
        return HistoryEntry.of(id);
    }

    private String hash(NewDossier request) {
        try {
            byte[] json = mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    /** Preconditions beyond the state table: what must be on file before a supervisor decides. */
    private static void guard(Dossier d, Action action) {
        if (action == Action.APPROVE && !d.biometricsCaptured) {
            throw DomainException.conflict("biometrics-missing", "Biometrics missing",
                    "Capture the portrait and fingerprints before approving");
        }
        if (action == Action.COMPLETE && d.eidRegistration != null) {
            List<String> unverified = d.eidRegistration.integratedDocuments().stream()
                    .filter(doc -> !doc.originalVerified()).map(doc -> doc.type().name()).toList();
            if (!unverified.isEmpty()) {
                throw DomainException.conflict("unverified-documents", "Integrated documents not verified",
                        "An officer must compare the originals of " + unverified + " before completion")
                        .with("unverifiedDocuments", unverified);
            }
        }
    }

    private static void checkVersion(Dossier d, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != d.version) {
            throw DomainException.stale("stale-dossier", "Dossier changed meanwhile",
                    "The dossier was modified since you read it; reload it and try again")
                    .with("currentVersion", d.version);
        }
    }

    /** Officers capture data while the dossier is with them, not once a supervisor has decided. */
    private static void requireCapturable(Dossier d, String what) {
        // Biometrics must be on file before the supervisor approves, and cannot change after.
        if (d.status != DossierStatus.SUBMITTED && d.status != DossierStatus.IN_REVIEW
                && d.status != DossierStatus.SUPPLEMENT_REQUESTED) {
            throw DomainException.conflict("dossier-locked", "Dossier no longer editable",
                    "The " + what + " of a dossier in " + d.status + " cannot change").with("dossierStatus", d.status);
        }
    }

    /** Saves a change that keeps the state, with its history line; a concurrent change makes it 409. */
    private Dossier changed(Dossier d, String actor, String action, String note) {
        Instant now = Instant.now();
        d.updatedAt = now;
        try {
            Dossier.flush();
        } catch (OptimisticLockException e) {
            throw concurrentChange();
        }
        HistoryEntry h = new HistoryEntry();
        h.dossierId = d.id;
        h.actor = actor;
        h.at = now;
        h.action = action;
        h.fromStatus = d.status;
        h.toStatus = d.status;
        h.note = note;
        h.persist();
        Log.infof("dossier %s: %s by %s", d.id, action, actor);
        return d;
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && constraint.equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private static DomainException openDossierExists(UUID openId) {
        DomainException p = DomainException.conflict("open-dossier-exists", "This person already has an open dossier",
                "Finish or reject the open dossier before submitting a new one");
        return openId == null ? p : p.with("openDossierId", openId);
    }

    private static DomainException concurrentChange() {
        return DomainException.conflict("concurrent-change", "Dossier changed meanwhile",
                "Another user changed this dossier at the same time; reload it and try again");
    }

    private static EidRegistration normalised(EidRegistration reg) {
        if (reg == null) {
            return null;
        }
        // Bean Validation has already accepted the number, so it parses.
        return reg.withPhoneNumber(PhoneNumbers.toVietnameseMobileE164(reg.phoneNumber()).orElseThrow());
    }

    private static void history(Dossier d, String actor, Instant at, String action, DossierStatus from, String note) {
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
