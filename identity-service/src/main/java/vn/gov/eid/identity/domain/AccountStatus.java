package vn.gov.eid.identity.domain;

/** Lifecycle of a citizen's e-ID account. */
public enum AccountStatus {
    /** Created with a temporary password that has not been changed yet. */
    PENDING_ACTIVATION,
    /** The citizen set their own password. */
    ACTIVE,
    /** Locked by an operator until an operator unlocks it. */
    LOCKED
}
