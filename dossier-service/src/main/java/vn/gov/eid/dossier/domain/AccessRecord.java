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
import java.util.UUID;

/** One read of personal data: who read it, when, whose or which dossier, and for partners the declared purpose. */
@Entity
@Table(name = "dossier_access_log")
public class AccessRecord extends PanacheEntityBase {
    /** What kind of read it was. */
    public enum Kind {
        /** A partner client looked a person's dossiers up by personal ID number. */
        PARTNER_LOOKUP,
        /** An officer or supervisor read one dossier. */
        STAFF_READ
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public Instant at;

    /** The partner's client id or the staff user's name, as in the token. */
    public String actor;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** The dossier read (staff reads). */
    @Column(name = "dossier_id")
    public UUID dossierId;

    /** The personal ID number looked up (partner lookups). */
    @Column(name = "personal_id_number")
    public String personalIdNumber;

    /** Why the partner looked the person up, as it declared in X-Purpose. */
    public String purpose;

    /** Records a partner lookup. */
    public static AccessRecord partnerLookup(String clientId, String personalIdNumber, String purpose, Instant at) {
        AccessRecord r = of(Kind.PARTNER_LOOKUP, clientId, at);
        r.personalIdNumber = personalIdNumber;
        r.purpose = purpose;
        r.persist();
        return r;
    }

    /** Records a staff read of one dossier. */
    public static AccessRecord staffRead(String actor, UUID dossierId, Instant at) {
        AccessRecord r = of(Kind.STAFF_READ, actor, at);
        r.dossierId = dossierId;
        r.persist();
        return r;
    }

    private static AccessRecord of(Kind kind, String actor, Instant at) {
        AccessRecord r = new AccessRecord();
        r.kind = kind;
        r.actor = actor;
        r.at = at;
        return r;
    }
}
