package vn.gov.eid.notification.domain;

/**
 * Why an SMS is sent; each purpose has its own text template.
 */
public enum Purpose {
    INITIAL_CREDENTIAL(true),
    CREDENTIAL_RESET(true),
    UPGRADE_NOTICE(false),
    PHONE_LINKED(false),
    /** To the number a dossier replaced: it no longer receives the account's messages. */
    PHONE_UNLINKED(false),
    /** A 6-digit activation or recovery code, a credential like a temporary password. */
    RECOVERY_CODE(true);

    private final boolean carriesPassword;

    Purpose(boolean carriesPassword) {
        this.carriesPassword = carriesPassword;
    }

    /** Whether the message carries a one-time credential (a temporary password or a code). */
    public boolean carriesPassword() {
        return carriesPassword;
    }

    /**
     * The purposes of newer messages that make a message of this purpose useless: a newer password replaces a
     * password, a newer code a code, and a phone change (the notice to the old number) kills both.
     */
    public java.util.List<Purpose> supersededBy() {
        return switch (this) {
            case INITIAL_CREDENTIAL, CREDENTIAL_RESET ->
                java.util.List.of(INITIAL_CREDENTIAL, CREDENTIAL_RESET, PHONE_UNLINKED);
            case RECOVERY_CODE -> java.util.List.of(RECOVERY_CODE, PHONE_UNLINKED);
            default -> java.util.List.of();
        };
    }
}
