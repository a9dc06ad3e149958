package vn.gov.eid.identity.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A service account of another system (client_credentials grant); its secret is stored hashed. */
@Entity
@Table(name = "service_client")
public class ServiceClient extends PanacheEntityBase {

    @Id
    @Column(name = "client_id", length = 64)
    public String clientId;

    @Column(nullable = false, length = 32)
    public String role;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embedded
    public FailedAttempts failures = new FailedAttempts();
}
