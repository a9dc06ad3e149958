package vn.gov.eid.dossier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A dossier's portrait and fingerprint templates, kept out of the dossier row, views and events, and stored sealed
 * (docs/adr/0003); opened only by SealedBiometrics.
 */
@Entity
@Table(name = "dossier_biometrics")
public class Biometrics extends PanacheEntityBase {
    @Id
    @Column(name = "dossier_id")
    public UUID dossierId;

    /** The JPEG bytes, sealed for {@link SealContexts#portrait}. */
    @Column(name = "portrait_sealed")
    public byte[] portraitSealed;

    /** The {@link Fingerprint} list as JSON, sealed for {@link SealContexts#fingerprints}. */
    @Column(name = "fingerprints_sealed")
    public byte[] fingerprintsSealed;

    /** JPEG bytes of a capture stored before encryption, until ClearRowSealing seals them; null otherwise. */
    @Column(name = "portrait")
    public byte[] clearPortrait;

    /** Templates of a capture stored before encryption, until ClearRowSealing seals them; null otherwise. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fingerprints")
    public List<Fingerprint> clearFingerprints;

    @Column(name = "portrait_width")
    public int portraitWidth;

    @Column(name = "portrait_height")
    public int portraitHeight;

    @Column(name = "captured_by")
    public String capturedBy;

    @Column(name = "captured_at")
    public Instant capturedAt;

    /** Whether the row was stored before encryption and still holds the portrait and templates in clear. */
    public boolean inClear() {
        return clearPortrait != null;
    }

    /** One finger's template (base64, vendor format) with the capture device's quality score (0-100). */
    public record Fingerprint(Finger finger, String template, int quality) {}
}
