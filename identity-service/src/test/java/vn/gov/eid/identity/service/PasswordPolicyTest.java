package vn.gov.eid.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The VNeID password rules and the generator of temporary passwords (plain JUnit). */
class PasswordPolicyTest {

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
    void eachBrokenRuleIsNamedOnce() {
        assertEquals(List.of("must not be empty"), policy.problems(null));
        assertEquals(List.of("must not be empty"), policy.problems(""));
        assertEquals(List.of("must be 8 to 20 characters long"), policy.problems("Abcde1!"));
        assertEquals(List.of("must be 8 to 20 characters long"), policy.problems("Abcdefgh1234567890_Zz"));
        assertEquals(
                List.of(
                        "must be 8 to 20 characters long",
                        "must contain a digit",
                        "must contain an upper-case letter",
                        "must contain one of !@#$^*()_"),
                policy.problems("abc"));
        assertEquals(List.of("may contain only letters A-Z a-z, digits and !@#$^*()_"), policy.problems("Abcdefg1! "));
        // Vietnamese letters with diacritics are not in the VNeID alphabet.
        assertEquals(
                List.of("may contain only letters A-Z a-z, digits and !@#$^*()_"), policy.problems("Mật_khẩu_2026"));
        for (char special : PasswordPolicy.SPECIALS.toCharArray()) {
            assertEquals(List.of(), policy.problems("Abcdefg1" + special), "special character " + special);
        }
    }

    @Test
    void generatorUsesTheWholeAlphabetAtEveryPosition() {
        String alphabet = PasswordPolicy.GEN_ALL;
        assertEquals(24 + 25 + 8 + PasswordPolicy.SPECIALS.length(), alphabet.length());
        Set<Character> used = new HashSet<>();
        List<Set<Character>> byPosition = new java.util.ArrayList<>();
        for (int i = 0; i < PasswordPolicy.GENERATED_LENGTH; i++) {
            byPosition.add(new HashSet<>());
        }
        for (int n = 0; n < 5000; n++) {
            String pw = policy.generate();
            for (int i = 0; i < pw.length(); i++) {
                char c = pw.charAt(i);
                assertTrue(alphabet.indexOf(c) >= 0, "character outside the alphabet: " + c);
                used.add(c);
                byPosition.get(i).add(c);
            }
        }
        assertEquals(alphabet.length(), used.size(), "characters never generated");
        // The guaranteed classes are shuffled: a special character, a digit... can sit anywhere.
        for (int i = 0; i < byPosition.size(); i++) {
            for (String klass : List.of(
                    PasswordPolicy.GEN_UPPER,
                    PasswordPolicy.GEN_LOWER,
                    PasswordPolicy.GEN_DIGITS,
                    PasswordPolicy.SPECIALS)) {
                assertTrue(
                        byPosition.get(i).stream().anyMatch(c -> klass.indexOf(c) >= 0),
                        "position " + i + " never holds one of " + klass);
            }
        }
    }

    @Test
    void generatedPasswordsCarryAtLeast60BitsOfEntropy() {
        // Four positions from one class each, the other eight from the whole alphabet (shuffling adds more).
        double bits = log2(PasswordPolicy.GEN_UPPER.length())
                + log2(PasswordPolicy.GEN_LOWER.length())
                + log2(PasswordPolicy.GEN_DIGITS.length())
                + log2(PasswordPolicy.SPECIALS.length())
                + (PasswordPolicy.GENERATED_LENGTH - 4) * log2(PasswordPolicy.GEN_ALL.length());
        assertTrue(bits >= 60, bits + " bits");
        assertEquals(12, policy.generate().length());
    }

    private static double log2(int n) {
        return Math.log(n) / Math.log(2);
    }
}
