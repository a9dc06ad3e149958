package vn.gov.eid.dossier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import vn.gov.eid.dossier.domain.AccessRecord;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.validation.PersonalIdNumbers;
import vn.gov.eid.platform.error.DomainException;
import vn.gov.eid.platform.error.Violation;

/**
 * Reads of personal data that leave a record in the access log: a staff user's read of one dossier and a partner's
 * lookup of a person's dossiers. The record is written in the transaction that reads, so no answer leaves without it.
 */
@ApplicationScoped
@Transactional
public class RecordedReads {
    @Inject
    DossierQuery query;

    @Inject
    PartnerQuota quota;

    /** The dossier, recorded as read by the officer or supervisor. */
    public Dossier staffRead(UUID id, String actor) {
        Dossier d = query.find(id);
        AccessRecord.staffRead(actor, id, Instant.now());
        return d;
    }

    /**
     * Every dossier of the person, newest first (none is an answer too), counted against the client's quota and
     * recorded with the purpose the partner declared.
     */
    public List<Dossier> partnerLookup(String clientId, String personalIdNumber, String purpose) {
        if (!PersonalIdNumbers.wellFormed(personalIdNumber)) {
            throw DomainException.violations(
                    List.of(new Violation("personalIdNumber", PersonalIdNumbers.FORMAT_MESSAGE)));
        }
        quota.consume(clientId);
        List<Dossier> found = Dossier.ofPerson(personalIdNumber);
        AccessRecord.partnerLookup(clientId, personalIdNumber, purpose, Instant.now());
        return found;
    }
}
