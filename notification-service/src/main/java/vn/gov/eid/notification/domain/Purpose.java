package vn.gov.eid.notification.domain;

/**
 * Why an SMS is sent; each purpose has its own text template.
 */
public enum Purpose {
    INITIAL_CREDENTIAL(true),
    CREDENTIAL_RESET(true),
    UPGRADE_NOTICE(false),
    PHONE_LINKED(false);

    /** The purposes that carry a one-time credential. */
    public static final java.util.List<Purpose> CREDENTIALS = java.util.List.of(INITIAL_CREDENTIAL, CREDENTIAL_RESET);

    private final boolean carriesPassword;

    Purpose(boolean carriesPassword) {
        this.carriesPassword = carriesPassword;
    }

    public boolean carriesPassword() {
        return carriesPassword;
    }
}
