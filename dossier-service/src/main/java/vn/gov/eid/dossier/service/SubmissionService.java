package vn.gov.eid.dossier.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import vn.gov.eid.dossier.domain.Contact;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.DossierStatus;
import vn.gov.eid.dossier.domain.DossierType;
import vn.gov.eid.dossier.domain.EidRegistration;
import vn.gov.eid.dossier.domain.IdempotencyRecord;
import vn.gov.eid.dossier.domain.RegistrationDetails;
import vn.gov.eid.dossier.messaging.out.DossierEvents;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.phone.PhoneNumbers;

/** Opens dossiers: one open dossier per person, ISSUE only once, and retries with an Idempotency-Key. */
@ApplicationScoped
@Transactional
public class SubmissionService {
    @Inject
    DossierEvents events;

    @Inject
    ObjectMapper mapper;

    @Inject
    DossierQuery query;

    @Inject
    DossierContacts contacts;

    /** The outcome of a submission: the dossier, and whether it is a replay of an earlier request. */
    public record Submission(Dossier dossier, boolean replayed) {}

    /**
     * Submits, with an optional Idempotency-Key: the same key with the same body returns the dossier the first
     * request created (no second dossier, no second event); the same key with another body is refused
     * ({@code idempotency-key-reused}).
     */
    public Submission submit(NewDossier request, String actor, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Submission(open(request, actor), false);
        }
        String hash = hash(request);
        IdempotencyRecord.Key key = new IdempotencyRecord.Key(actor, idempotencyKey);
        Submission replay = replay(key, hash);
        if (replay != null) {
            return replay;
        }
        Dossier d = open(request, actor);
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = key;
        record.requestHash = hash;
        record.dossierId = d.id;
        record.createdAt = d.createdAt;
        record.persist();
        return new Submission(d, false);
    }

    /**
     * The earlier answer for this key, or null when there is none; read in a fresh transaction: used after a
     * submission was refused with {@link OpenDossierExists} because it lost a race against a simultaneous request
     * with the same key, whose transaction has committed by then.
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
            throw DomainException.unprocessable(
                    "idempotency-key-reused",
                    "Idempotency-Key already used",
                    "This Idempotency-Key was used for a different request body");
        }
        return new Submission(query.find(known.dossierId), true);
    }

    /** Opens a dossier in SUBMITTED, writes its first history line and the submitted event. */
    private Dossier open(NewDossier request, String actor) {
        String pid = request.applicant().personalIdNumber();
        Dossier.openFor(pid).ifPresent(open -> {
            throw new OpenDossierExists(open.id);
        });
        if (request.type() == DossierType.ISSUE) {
            Dossier.lastCompletedFor(pid).ifPresent(done -> {
                throw DomainException.conflict(
                                "already-issued",
                                "A card was already issued to this person",
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
        EidRegistration reg = request.eidRegistration();
        if (reg != null) {
            d.eidRegistration = RegistrationDetails.of(reg.dependents(), reg.integratedDocuments());
            // Bean Validation has already accepted the number, so it parses.
            contacts.seal(
                    d,
                    new Contact(
                            PhoneNumbers.toVietnameseMobileE164(reg.phoneNumber())
                                    .orElseThrow(),
                            reg.email()));
        }
        d.createdBy = actor;
        d.createdAt = now;
        d.updatedAt = now;
        try {
            d.persist();
            DossierChanges.history(d, actor, now, "SUBMIT", null, null);
            events.stateReached(d, now);
            Dossier.flush();
        } catch (PersistenceException e) {
            // A concurrent submission for the same person may have passed the check above; the partial unique
            // index stops it at whichever statement flushes the insert, and the rollback takes along anything
            // this transaction wrote (history, outbox row).
            if (violates(e, "dossier_one_open_per_person")) {
                throw new OpenDossierExists(null);
            }
            throw e;
        }
        Log.infof("dossier %s (%s) submitted by %s", d.id, d.type, actor);
        return d;
    }

    private String hash(NewDossier request) {
        try {
            byte[] json = mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException c && constraint.equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
