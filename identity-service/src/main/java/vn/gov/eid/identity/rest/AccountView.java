package vn.gov.eid.identity.rest;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gov.eid.identity.domain.CitizenAccount;

/** What a caller may see of an account: no hash, no phone, no email. */
@Schema(description = "A citizen's e-ID account. Personal data: personalIdNumber identifies the citizen.")
public record AccountView(
        @Schema(
                description = "The citizen's 12-digit personal ID number (CCCD number), also the login name",
                pattern = "^\\d{12}$",
                examples = "001203012345")
        String personalIdNumber,

        @Schema(
                description = "Assurance level of the e-ID: 1 registered in the VNeID app, 2 identity verified in"
                        + " person at a police office")
        int level,

        @Schema(
                description = "PENDING_ACTIVATION (temporary password not yet changed), ACTIVE or LOCKED",
                enumeration = {"PENDING_ACTIVATION", "ACTIVE", "LOCKED"})
        String status,

        @Schema(description = "When the account was created (RFC 3339, UTC)")
        Instant createdAt,

        @Schema(description = "When the citizen set their own password (RFC 3339, UTC); null before")
        Instant activatedAt,

        @Schema(description = "End of a lock after repeated failed logins (RFC 3339, UTC); null when not locked so")
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
