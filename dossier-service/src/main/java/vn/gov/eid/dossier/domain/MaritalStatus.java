package vn.gov.eid.dossier.domain;

/** Marital status as recorded on the dossier. */
public enum MaritalStatus {
    SINGLE,
    MARRIED,
    DIVORCED,
    WIDOWED
}
