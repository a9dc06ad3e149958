package vn.gov.eid.identity.domain;

/** JWT group names this service issues and authorises on. */
public final class Role {
    public static final String OFFICER = "officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String OPERATOR = "operator";
    public static final String PARTNER = "partner";
    /** A citizen with an activated account. */
    public static final String CITIZEN = "citizen";
    /** The only group of a token issued for a temporary password: it allows nothing but changing it. */
    public static final String PASSWORD_CHANGE = "password-change";

    private Role() {}
}
