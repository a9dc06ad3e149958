package vn.gov.eid.dossier.messaging.out;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.dossier.domain.Dependent;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.DossierStatus;
import vn.gov.eid.dossier.domain.EidRegistration;
import vn.gov.eid.dossier.domain.IntegratedDocument;
import vn.gov.eid.dossier.messaging.EventTypes;
import vn.gov.eid.platform.crypto.Sealing;
import vn.gov.eid.platform.outbox.Outbox;
import vn.gov.eid.platform.privacy.Masking;

/**
 * Writes the dossier lifecycle events (docs/contracts.md, dossier.events.v1) to the outbox, in the caller's
 * transaction, so an event exists exactly when its state change is committed.
 */
@Startup
@ApplicationScoped
public class DossierEvents {
    @Inject
    Outbox outbox;

    @Inject
    DossierConfig config;

    private PublicKey contactKey;

    @PostConstruct
    void loadContactKey() {
        // Loaded once at start so a missing or broken key stops the service instead of the first completion.
        contactKey = Sealing.publicKey(config.contactPublicKeyLocation());
    }

    /** Announces the lifecycle state the dossier just reached, if that state has an event. */
    public void stateReached(Dossier dossier, Instant at) {
        switch (dossier.status) {
            case SUBMITTED -> lifecycle(EventTypes.DOSSIER_SUBMITTED, dossier, at);
            case APPROVED -> lifecycle(EventTypes.DOSSIER_APPROVED, dossier, at);
            case REJECTED -> lifecycle(EventTypes.DOSSIER_REJECTED, dossier, at);
            case COMPLETED -> completed(dossier, at);
            default -> {
                // Internal review steps are not announced: no consumer acts on them.
            }
        }
    }

    private void lifecycle(String type, Dossier d, Instant at) {
        outbox.add(
                config.eventsTopic(),
                d.personalIdNumber,
                type,
                new LifecycleEvent(d.id.toString(), d.type.name(), d.personalIdNumber, d.status, at.toString()));
    }

    private void completed(Dossier d, Instant at) {
        EidRegistration reg = d.eidRegistration;
        CompletedEvent.Registration registration = reg == null
                ? null
                : new CompletedEvent.Registration(
                        Masking.phone(reg.phoneNumber()),
                        Sealing.seal(
                                new SealedContact(reg.phoneNumber(), reg.email(), d.personalIdNumber, d.id.toString()),
                                contactKey),
                        reg.dependents().stream()
                                .map(CompletedEvent.EventDependent::of)
                                .toList(),
                        reg.integratedDocuments().stream()
                                .map(CompletedEvent.EventDocument::of)
                                .toList());
        outbox.add(
                config.eventsTopic(),
                d.personalIdNumber,
                EventTypes.DOSSIER_COMPLETED,
                new CompletedEvent(
                        d.id.toString(),
                        d.type.name(),
                        d.personalIdNumber,
                        d.fullName,
                        d.dateOfBirth.toString(),
                        d.sex.name(),
                        at.toString(),
                        registration));
    }

    /** Payload of submitted / approved / rejected. */
    public record LifecycleEvent(
            String dossierId, String dossierType, String personalIdNumber, DossierStatus status, String at) {}

    /**
     * The plaintext inside {@code sealedContact} (only identity-service can read it), bound to its record: the personal
     * ID number and dossier id inside must match the event's, so a sealed blob copied into another record is refused.
     */
    public record SealedContact(String phoneNumber, String email, String personalIdNumber, String dossierId) {}

    /** Payload of completed: what identity-service needs to create the account, and nothing more. */
    public record CompletedEvent(
            String dossierId,
            String dossierType,
            String personalIdNumber,
            String fullName,
            String dateOfBirth,
            String sex,
            String completedAt,
            Registration eidRegistration) {

        /** The e-ID registration block, contacts sealed. */
        public record Registration(
                String phoneMasked,
                String sealedContact,
                List<EventDependent> dependents,
                List<EventDocument> integratedDocuments) {}

        /** A dependent as identity-service needs it (no supporting documents). */
        public record EventDependent(
                String fullName, String dateOfBirth, String relationship, String personalIdNumber) {
            static EventDependent of(Dependent d) {
                return new EventDependent(
                        d.fullName(), d.dateOfBirth().toString(), d.relationship(), d.personalIdNumber());
            }
        }

        /** An integrated document; only verified ones reach a completed dossier. */
        public record EventDocument(String type, String number, String issueDate, String expiryDate) {
            static EventDocument of(IntegratedDocument d) {
                return new EventDocument(
                        d.type().name(),
                        d.number(),
                        d.issueDate() == null ? null : d.issueDate().toString(),
                        d.expiryDate() == null ? null : d.expiryDate().toString());
            }
        }
    }
}
