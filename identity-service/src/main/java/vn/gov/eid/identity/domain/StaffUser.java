package vn.gov.eid.identity.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An officer, supervisor or operator who logs in with a password; provisioned from configuration. */
@Entity
@Table(name = "staff_user")
public class StaffUser extends PanacheEntityBase {

    @Id
    @Column(length = 64)
    public String username;

    @Column(nullable = false, length = 32)
    public String role;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embedded
    public FailedAttempts failures = new FailedAttempts();
}
