package vn.gov.eid.identity.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one live recovery code of an account, as its keyed hash only (docs/adr/0006). */
@Entity
@Table(name = "recovery_code")
public class RecoveryCode extends PanacheEntityBase {

    @Id
    @Column(name = "personal_id_number", length = 12)
    public String personalIdNumber;

    /** HMAC-SHA256 of the code under the server's recovery key; the code itself is never stored. */
    @Column(name = "code_hash", nullable = false)
    public byte[] codeHash;

    /** Wrong tries so far. */
    @Column(nullable = false)
    public int tries;

    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Kills the live code of an account, if any (used, replaced, phone changed). */
    public static void kill(String personalIdNumber) {
        deleteById(personalIdNumber);
    }
}
