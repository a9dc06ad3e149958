package vn.gov.eid.dossier.domain;

/** JWT group names this service authorises on. */
public final class Role {
    public static final String OFFICER = "officer";
    public static final String SUPERVISOR = "supervisor";
    public static final String PARTNER = "partner";

    private Role() {}
}
