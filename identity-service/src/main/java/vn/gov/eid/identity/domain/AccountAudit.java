package vn.gov.eid.identity.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited change of a citizen account: what, who and why. */
@Entity
@Table(name = "account_audit")
public class AccountAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "personal_id_number", nullable = false, length = 12)
    public String personalIdNumber;

    @Column(nullable = false, length = 40)
    public String action;

    @Column(nullable = false, length = 64)
    public String actor;

    @Column(length = 500)
    public String reason;

    @Column(nullable = false)
    public Instant at;

    /** Records an audit entry in the current transaction. */
    public static void record(String personalIdNumber, String action, String actor, String reason, Instant at) {
        AccountAudit a = new AccountAudit();
        a.personalIdNumber = personalIdNumber;
        a.action = action;
        a.actor = actor;
        a.reason = reason;
        a.at = at;
        a.persist();
    }
}
