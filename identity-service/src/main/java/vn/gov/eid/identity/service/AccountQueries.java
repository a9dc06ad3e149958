package vn.gov.eid.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.gov.eid.identity.domain.AccountAudit;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.platform.error.DomainException;

/** Answers account look-ups: an account and its audit trail. */
@ApplicationScoped
public class AccountQueries {

    /** Looks an account up by personal ID number; account-not-found when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CitizenAccount get(String personalIdNumber) {
        CitizenAccount a = CitizenAccount.findById(personalIdNumber);
        if (a == null) {
            throw notFound(personalIdNumber);
        }
        return a;
    }

    /** The audit trail of an account, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AccountAudit> audit(String personalIdNumber) {
        get(personalIdNumber);
        return AccountAudit.list("personalIdNumber = ?1 order by at, id", personalIdNumber);
    }

    static DomainException notFound(String personalIdNumber) {
        return DomainException.notFound(
                "account-not-found", "Account not found", "no e-ID account for personal ID number " + personalIdNumber);
    }
}
