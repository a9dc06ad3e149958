package vn.gov.eid.notification.domain;

/**
 * JWT group names this service grants access to.
 */
public final class Role {

    /** Staff who watch SMS delivery and retry failed messages. */
    public static final String OPERATOR = "operator";

    private Role() {}
}
