package vn.gov.eid.dossier.domain;

/** Card procedure of a dossier: first card, exchange of a valid card, or re-issue of a lost one. */
public enum DossierType {
    /** First card (cấp). */
    ISSUE,
    /** Replacement of an existing card (đổi): age milestone, damage, data change, correction. */
    EXCHANGE,
    /** Replacement of a lost card (cấp lại). */
    REISSUE
}
