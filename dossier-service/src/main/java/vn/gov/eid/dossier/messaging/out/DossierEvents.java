package vn.gov.eid.dossier.messaging.out;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.dossier.domain.Contact;
import vn.gov.eid.dossier.domain.Dependent;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.DossierStatus;
import vn.gov.eid.dossier.domain.IntegratedDocument;
import vn.gov.eid.dossier.domain.RegistrationDetails;
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

    /**
     * Announces the lifecycle state the dossier just reached, if that state has an event; COMPLETED goes through
     * {@link #completed}, which needs the contact data.
     */
    public void stateReached(Dossier dossier, Instant at) {
        switch (dossier.status) {
            case SUBMITTED -> lifecycle(EventTypes.DOSSIER_SUBMITTED, dossier, at);
            case APPROVED -> lifecycle(EventTypes.DOSSIER_APPROVED, dossier, at);
            case REJECTED -> lifecycle(EventTypes.DOSSIER_REJECTED, dossier, at);
            case COMPLETED -> throw new IllegalArgumentException("a completed dossier is announced with its contact");
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

    /**
     * Announces a completed dossier: what identity-service needs to create the account, the contact data sealed to its
     * key. {@code contact} is the dossier's contact data in clear (present exactly when it has an e-ID registration).
     */
    public void completed(Dossier d, Instant at, Optional<Contact> contact) {
        RegistrationDetails reg = d.eidRegistration;
        CompletedEvent.Registration registration = reg == null
                ? null
                : registration(
                        d,
                        reg,
                        contact.orElseThrow(() -> new IllegalStateException(
                                "dossier " + d.id + " has an e-ID registration but no contact data")));
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

    private CompletedEvent.Registration registration(Dossier d, RegistrationDetails reg, Contact contact) {
        return new CompletedEvent.Registration(
                Masking.phone(contact.phoneNumber()),
                Sealing.seal(
                        new SealedContact(contact.phoneNumber(), contact.email(), d.personalIdNumber, d.id.toString()),
                        contactKey),
                reg.dependents().stream().map(CompletedEvent.EventDependent::of).toList(),
                reg.integratedDocuments().stream()
                        .map(CompletedEvent.EventDocument::of)
                        .toList());
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
