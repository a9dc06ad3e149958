package vn.gov.eid.dossier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A card dossier: the applicant, the optional e-ID registration and where it stands in the workflow. */
@Entity
@Table(name = "dossier")
public class Dossier extends PanacheEntityBase {
    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public DossierType type;

    @Enumerated(EnumType.STRING)
    public DossierStatus status;

    // Copied out of the applicant so they can be indexed and filtered on.
    @Column(name = "personal_id_number")
    public String personalIdNumber;

    @Column(name = "full_name")
    public String fullName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    public Sex sex;

    @Enumerated(EnumType.STRING)
    @Column(name = "exchange_reason")
    public ExchangeReason exchangeReason;

    @Column(name = "current_card_number")
    public String currentCardNumber;

    @Column(name = "lost_card_number")
    public String lostCardNumber;

    @JdbcTypeCode(SqlTypes.JSON)
    public Applicant applicant;

    /** The e-ID registration without its contact data (sealed in {@link #phoneSealed} and {@link #emailSealed}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "eid_registration")
    public RegistrationDetails eidRegistration;

    /** The registration's mobile number, sealed for {@link SealContexts#phone}; opened only by DossierContacts. */
    @Column(name = "phone_sealed")
    public byte[] phoneSealed;

    /** The registration's e-mail address if any, sealed for {@link SealContexts#email}. */
    @Column(name = "email_sealed")
    public byte[] emailSealed;

    /** Set once a portrait and fingerprints were captured (they live in {@link Biometrics}). */
    @Column(name = "biometrics_captured")
    public boolean biometricsCaptured;

    /** Optimistic lock; also the ETag clients send back in If-Match. */
    @Version
    public long version;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When the dossier reached COMPLETED or REJECTED: the retention of its biometrics and contacts runs from it. */
    @Column(name = "closed_at")
    public Instant closedAt;

    /** When the retention purge deleted the biometrics and the contact data; null while they are kept. */
    @Column(name = "biometrics_and_contact_purged_at")
    public Instant biometricsAndContactPurgedAt;

    /** The person's open dossier, if any (at most one exists: a partial unique index guarantees it). */
    public static Optional<Dossier> openFor(String personalIdNumber) {
        return find(
                        "personalIdNumber = ?1 and status not in ?2",
                        personalIdNumber,
                        List.of(DossierStatus.COMPLETED, DossierStatus.REJECTED))
                .firstResultOptional();
    }

    /** Every dossier of the person, newest first. */
    public static List<Dossier> ofPerson(String personalIdNumber) {
        return list("personalIdNumber = ?1 order by createdAt desc, id", personalIdNumber);
    }

    /** The person's most recent completed dossier, if any. */
    public static Optional<Dossier> lastCompletedFor(String personalIdNumber) {
        return find(
                        "personalIdNumber = ?1 and status = ?2 order by updatedAt desc",
                        personalIdNumber,
                        DossierStatus.COMPLETED)
                .firstResultOptional();
    }
}
