package vn.gov.eid.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.gov.eid.identity.service.PasswordHasher;
import vn.gov.eid.identity.service.PasswordPolicy;

/** The VNeID password rules, the generator of temporary passwords and the Argon2id PHC format. */
class PasswordRulesTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void generatedPasswordsMeetTheRulesAndAvoidLookAlikes() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String pw = policy.generate();
            assertEquals(12, pw.length());
            assertTrue(policy.problems(pw).isEmpty(), pw.length() + "-char password breaks " + policy.problems(pw));
            for (char c : "0O1lI".toCharArray()) {
                assertTrue(pw.indexOf(c) < 0, "look-alike character " + c);
            }
            seen.add(pw);
        }
        assertEquals(2000, seen.size(), "generated passwords repeat");
    }

    @Test
    void rulesRejectWhatVneidRejects() {
        assertTrue(policy.problems("Abcdef1!").isEmpty());
        assertTrue(policy.problems("Abcdefgh1234567890_Z").isEmpty());
        assertFalse(policy.problems("Abcde1!").isEmpty(), "7 characters");
        assertFalse(policy.problems("Abcdefgh1234567890_Zz").isEmpty(), "21 characters");
        assertTrue(policy.problems("abcdefg1!").contains("must contain an upper-case letter"));
        assertTrue(policy.problems("ABCDEFG1!").contains("must contain a lower-case letter"));
        assertTrue(policy.problems("Abcdefgh!").contains("must contain a digit"));
        assertTrue(policy.problems("Abcdefgh1").contains("must contain one of !@#$^*()_"));
        assertFalse(policy.problems("Abcdefg1!%").isEmpty(), "% is not an allowed special character");
    }

    @Test
    void argon2idHashIsSaltedPhcAndVerifiesOnlyTheRightPassword() {
        PasswordHasher hasher = new PasswordHasher(5, 7168, 1);
        String h1 = hasher.hash("Secret_2026");
        String h2 = hasher.hash("Secret_2026");
        assertTrue(h1.matches("\\$argon2id\\$v=19\\$m=7168,t=5,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), h1);
        assertNotEquals(h1, h2, "same salt twice");
        assertTrue(hasher.verify("Secret_2026", h1));
        assertTrue(hasher.verify("Secret_2026", h2));
        assertFalse(hasher.verify("Secret_2027", h1));
        assertFalse(hasher.verify("Secret_2026", h1.substring(0, h1.length() - 2) + "AA"));
        assertFalse(hasher.verify("Secret_2026", "plain"));
        // A hash made with other parameters still verifies (parameters are read from the string).
        assertTrue(new PasswordHasher(1, 1024, 1).verify("Secret_2026", h1));
        assertTrue(hasher.needsRehash(new PasswordHasher(1, 1024, 1).hash("x")));
    }
}
