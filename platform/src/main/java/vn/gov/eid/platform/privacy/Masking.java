package vn.gov.eid.platform.privacy;

/** Masks personal data for logs, events and responses. */
public final class Masking {

    private Masking() {}

    /** "+84912345678" becomes "+84******678": country code and last three digits only. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.strip();
        int keepStart = p.startsWith("+") ? 3 : 1;
        int keepEnd = 3;
        if (p.length() <= keepStart + keepEnd) {
            return "*".repeat(p.length());
        }
        return p.substring(0, keepStart)
                + "*".repeat(p.length() - keepStart - keepEnd)
                + p.substring(p.length() - keepEnd);
    }
}
