package vn.gov.eid.dossier.domain;

/** Why a card is exchanged (Law on Citizen Identification 2014, art. 21 and 23). */
public enum ExchangeReason {
    /** The citizen reached (or is within two years of) 25, 40 or 60 years of age. */
    AGE_MILESTONE,
    DAMAGED,
    DATA_CHANGED,
    ERROR_CORRECTION,
    GENDER_OR_IDENTITY_CHANGE
}
