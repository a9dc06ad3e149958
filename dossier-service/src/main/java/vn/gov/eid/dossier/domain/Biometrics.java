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

/** A dossier's portrait and fingerprint templates, kept out of the dossier row, views and events. */
@Entity
@Table(name = "dossier_biometrics")
public class Biometrics extends PanacheEntityBase {
    @Id
    @Column(name = "dossier_id")
    public UUID dossierId;

    /** JPEG bytes. */
    public byte[] portrait;

    @Column(name = "portrait_width")
    public int portraitWidth;

    @Column(name = "portrait_height")
    public int portraitHeight;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Fingerprint> fingerprints;

    @Column(name = "captured_by")
    public String capturedBy;

    @Column(name = "captured_at")
    public Instant capturedAt;

    /** One finger's template (base64, vendor format) with the capture device's quality score (0-100). */
    public record Fingerprint(Finger finger, String template, int quality) {}
}
