package vn.gov.eid.dossier.messaging;

/** Every CloudEvents type dossier-service produces (docs/contracts.md); it consumes none. */
public final class EventTypes {
    public static final String DOSSIER_SUBMITTED = "vn.gov.eid.dossier.submitted.v1";
    public static final String DOSSIER_APPROVED = "vn.gov.eid.dossier.approved.v1";
    public static final String DOSSIER_REJECTED = "vn.gov.eid.dossier.rejected.v1";
    public static final String DOSSIER_COMPLETED = "vn.gov.eid.dossier.completed.v1";

    private EventTypes() {}
}
