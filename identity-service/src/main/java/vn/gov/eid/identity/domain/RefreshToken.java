package vn.gov.eid.identity.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One refresh token of a session (a family of rotated tokens), as its SHA-256 only. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    /** Whose session: a citizen account or a staff user. */
    public enum SubjectKind {
        CITIZEN,
        STAFF
    }

    /** SHA-256 of the token; the token itself is never stored. */
    @Id
    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "family_id", nullable = false)
    public UUID familyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, length = 8)
    public SubjectKind subjectKind;

    @Column(nullable = false, length = 64)
    public String subject;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** The end of the session, however often it is refreshed. */
    @Column(name = "family_expires_at", nullable = false)
    public Instant familyExpiresAt;

    /** When it was exchanged for the next one; a spent token presented again revokes the family. */
    @Column(name = "spent_at")
    public Instant spentAt;

    /** Ends a session: every token of the family. */
    public static long revokeFamily(UUID familyId) {
        return delete("familyId", familyId);
    }

    /** Ends every session of a subject (password changed or reset, account locked). */
    public static long revokeAll(SubjectKind kind, String subject) {
        return delete("subjectKind = ?1 and subject = ?2", kind, subject);
    }
}
