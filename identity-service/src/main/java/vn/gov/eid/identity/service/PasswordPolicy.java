package vn.gov.eid.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The VNeID password rules as published for the app (vietnam-eid-facts.md, "Passwords"): 8 to 20 characters
 * with a digit, an upper-case and a lower-case letter and one of {@code ! @ # $ ^ * ( ) _}; and the generator of
 * temporary passwords that meet them.
 */
@ApplicationScoped
public class PasswordPolicy {

    /** The special characters the VNeID rules accept. */
    public static final String SPECIALS = "!@#$^*()_";

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 20;
    static final int GENERATED_LENGTH = 12;

    // Look-alikes are left out of generated passwords because citizens copy them from an SMS: 0/O, 1/l/I.
    static final String GEN_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String GEN_LOWER = "abcdefghijkmnopqrstuvwxyz";
    static final String GEN_DIGITS = "23456789";
    static final String GEN_ALL = GEN_UPPER + GEN_LOWER + GEN_DIGITS + SPECIALS;

    private final SecureRandom random = new SecureRandom();

    /** Returns the rules the password breaks, as messages for the caller; empty when it meets them all. */
    public List<String> problems(String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            problems.add("must not be empty");
            return problems;
        }
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            problems.add("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        boolean special = false;
        boolean other = false;
        for (char c : password.toCharArray()) {
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (SPECIALS.indexOf(c) >= 0) {
                special = true;
            } else {
                other = true;
            }
        }
        if (!digit) {
            problems.add("must contain a digit");
        }
        if (!upper) {
            problems.add("must contain an upper-case letter");
        }
        if (!lower) {
            problems.add("must contain a lower-case letter");
        }
        if (!special) {
            problems.add("must contain one of " + SPECIALS);
        }
        if (other) {
            problems.add("may contain only letters A-Z a-z, digits and " + SPECIALS);
        }
        return problems;
    }

    /** Generates a 12-character temporary password that meets the rules and has no look-alike characters. */
    public String generate() {
        char[] pw = new char[GENERATED_LENGTH];
        pw[0] = pick(GEN_UPPER);
        pw[1] = pick(GEN_LOWER);
        pw[2] = pick(GEN_DIGITS);
        pw[3] = pick(SPECIALS);
        for (int i = 4; i < pw.length; i++) {
            pw[i] = pick(GEN_ALL);
        }
        // Fisher-Yates, so the guaranteed classes do not sit at fixed positions.
        for (int i = pw.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char tmp = pw[i];
            pw[i] = pw[j];
            pw[j] = tmp;
        }
        return new String(pw);
    }

    private char pick(String alphabet) {
        return alphabet.charAt(random.nextInt(alphabet.length()));
    }
}
