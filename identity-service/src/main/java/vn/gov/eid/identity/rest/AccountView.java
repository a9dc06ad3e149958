package vn.gov.eid.identity.rest;

import java.time.Instant;
import vn.gov.eid.identity.domain.CitizenAccount;

/** What a caller may see of an account: no hash, no phone, no email. */
public record AccountView(
        String personalIdNumber,
        int level,
        String status,
        Instant createdAt,
        Instant activatedAt,
        Instant lockedUntil) {

    /** The view of an account at the given instant: a failed-login lock that has ended is not shown. */
    static AccountView of(CitizenAccount a, Instant now) {
        Instant until = a.lockedUntil != null && a.lockedUntil.isAfter(now) ? a.lockedUntil : null;
        return new AccountView(a.personalIdNumber, a.level, a.status.name(), a.createdAt, a.activatedAt, until);
    }

    static AccountView of(CitizenAccount a) {
        return of(a, Instant.now());
    }
}
