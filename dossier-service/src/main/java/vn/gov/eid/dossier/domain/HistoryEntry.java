package vn.gov.eid.dossier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of a dossier's audit trail: who did what, when, from which state to which, and why. */
@Entity
@Table(name = "dossier_history")
public class HistoryEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dossier_id")
    public UUID dossierId;

    public String actor;

    public Instant at;

    /** SUBMIT for the creation, otherwise an {@link Action} name. */
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public DossierStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public DossierStatus toStatus;

    public String note;

    public static List<HistoryEntry> of(UUID dossierId) {
        return list("dossierId = ?1 order by id", dossierId);
    }
}
