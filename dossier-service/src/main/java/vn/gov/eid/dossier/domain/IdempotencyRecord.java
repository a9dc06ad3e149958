package vn.gov.eid.dossier.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Remembers which dossier a caller's Idempotency-Key created, and a hash of the body it came with. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {
    @EmbeddedId
    public Key id;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "dossier_id")
    public UUID dossierId;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Keys are per caller, so two officers' clients cannot collide. */
    @Embeddable
    public record Key(
            String actor, @Column(name = "idem_key") String idemKey) implements Serializable {}
}
