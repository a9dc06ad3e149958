package vn.gov.eid.identity.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.gov.eid.identity.domain.AccountStatus;
import vn.gov.eid.identity.domain.CitizenAccount;

/** What a caller sees of an account (plain JUnit). */
class AccountViewTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void showsNoSecretAndOnlyALockThatHasNotEnded() {
        CitizenAccount a = new CitizenAccount();
        a.personalIdNumber = "001203012345";
        a.level = 2;
        a.status = AccountStatus.ACTIVE;
        a.passwordHash = "$argon2id$...";
        a.clearPhone = "+84912345678";
        a.createdAt = NOW.minusSeconds(3600);
        a.activatedAt = NOW.minusSeconds(60);
        a.lockedUntil = NOW.plusSeconds(900);
        assertEquals(
                new AccountView("001203012345", 2, "ACTIVE", a.createdAt, a.activatedAt, NOW.plusSeconds(900)),
                AccountView.of(a, NOW));
        a.lockedUntil = NOW;
        assertNull(AccountView.of(a, NOW).lockedUntil(), "a lock that has ended is not shown");
    }
}
