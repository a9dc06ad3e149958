package vn.gov.eid.identity.messaging;

/** Every CloudEvents type identity-service consumes or produces. */
public final class EventTypes {
    /** The only type consumed; every other one here is produced. */
    public static final String DOSSIER_COMPLETED = "vn.gov.eid.dossier.completed.v1";

    public static final String ACCOUNT_CREATED = "vn.gov.eid.account.created.v1";
    public static final String ACCOUNT_ACTIVATED = "vn.gov.eid.account.activated.v1";
    public static final String ACCOUNT_LOCKED = "vn.gov.eid.account.locked.v1";
    public static final String ACCOUNT_UPGRADED = "vn.gov.eid.account.upgraded.v1";
    public static final String ACCOUNT_UNLOCKED = "vn.gov.eid.account.unlocked.v1";
    public static final String ACCOUNT_CREDENTIAL_RESET = "vn.gov.eid.account.credential-reset.v1";
    public static final String ACCOUNT_CREDENTIAL_CHANGED = "vn.gov.eid.account.credential-changed.v1";
    public static final String SMS_REQUESTED = "vn.gov.eid.sms.requested.v1";

    private EventTypes() {}
}
