package vn.gov.eid.dossier.domain;

/** Where a dossier stands in the card-granting workflow. */
public enum DossierStatus {
    SUBMITTED,
    IN_REVIEW,
    SUPPLEMENT_REQUESTED,
    APPROVED,
    COMPLETED,
    REJECTED;

    /** An open dossier can still change; a person may have at most one open dossier. */
    public boolean open() {
        return this != COMPLETED && this != REJECTED;
    }
}
