package vn.gov.eid.identity.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A citizen's e-ID account; the username is the 12-digit personal identification number. */
@Entity
@Table(name = "citizen_account")
public class CitizenAccount extends PanacheEntityBase {

    @Id
    @Column(name = "personal_id_number", length = 12)
    public String personalIdNumber;

    @Column(nullable = false)
    public int level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public AccountStatus status;

    /** Argon2id PHC string; the password itself is never stored. */
    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "password_temporary", nullable = false)
    public boolean passwordTemporary;

    @Column(name = "password_expires_at")
    public Instant passwordExpiresAt;

    @Column(name = "failed_logins", nullable = false)
    public int failedLogins;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    /**
     * The E.164 mobile number in clear, only in rows written before contact data was encrypted (AccountContacts
     * converts them); read and write contact data through AccountContacts, never these columns.
     */
    @Column(name = "phone", length = 16)
    public String clearPhone;

    /** The e-mail address in clear, only in rows written before contact data was encrypted. */
    @Column(name = "email", length = 320)
    public String clearEmail;

    /** The mobile number, sealed (docs/adr/0003); never leaves the service except sealed to notification-service. */
    @Column(name = "phone_sealed")
    public byte[] phoneSealed;

    /** The e-mail address, sealed; null when the citizen gave none. */
    @Column(name = "email_sealed")
    public byte[] emailSealed;

    @Column(name = "full_name", length = 200)
    public String fullName;

    @Column(name = "dossier_id", length = 64)
    public String dossierId;

    /** JSON array of the integrated documents of the latest dossier. */
    @Column(name = "integrated_documents")
    public String integratedDocuments;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
