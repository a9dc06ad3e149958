package vn.gov.eid.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.gov.eid.identity.service.Provisioning.Entry;

/** The name:role:secret lists of IDENTITY_BOOTSTRAP_USERS and _CLIENTS (plain JUnit). */
class ProvisioningTest {

    @Test
    void entriesAreReadWithSecretsThatMayHoldColons() {
        assertEquals(
                List.of(new Entry("officer1", "officer", "Officer@2026"), new Entry("svc", "partner", "a:b:c")),
                Provisioning.parse(" officer1:officer:Officer@2026 , ,svc:partner:a:b:c", "X"));
        assertEquals(List.of(), Provisioning.parse("", "X"));
        assertEquals(List.of(), Provisioning.parse(null, "X"));
    }

    @Test
    void badEntriesAreRefusedWithoutEchoingTheSecret() {
        IllegalStateException shape = assertThrows(
                IllegalStateException.class,
                () -> Provisioning.parse("a:officer:ok,broken-Secret_1", "IDENTITY_BOOTSTRAP_USERS"));
        assertEquals("IDENTITY_BOOTSTRAP_USERS: entry 2 is not name:role:secret", shape.getMessage());
        IllegalStateException role = assertThrows(
                IllegalStateException.class,
                () -> Provisioning.parse("root:admin:Secret_1", "IDENTITY_BOOTSTRAP_USERS"));
        assertTrue(
                role.getMessage().startsWith("IDENTITY_BOOTSTRAP_USERS: entry 1 (root) has role 'admin'"),
                role.getMessage());
        assertFalse(role.getMessage().contains("Secret_1"));
        assertEquals("svc:partner", new Entry("svc", "partner", "Secret_1").toString());
    }

    @Test
    void onlyStaffAndPartnerRolesCanBeProvisioned() {
        for (String role : List.of("officer", "supervisor", "operator", "partner")) {
            assertEquals(1, Provisioning.parse("x:" + role + ":s", "X").size(), role);
        }
        for (String role : List.of("citizen", "password-change")) {
            assertThrows(IllegalStateException.class, () -> Provisioning.parse("x:" + role + ":s", "X"), role);
        }
    }
}
