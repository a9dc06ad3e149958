package vn.gov.eid.dossier.domain;

/** Documents a citizen may integrate into the e-ID account. */
public enum IntegratedDocumentType {
    DRIVER_LICENSE,
    VEHICLE_REGISTRATION,
    SOCIAL_INSURANCE,
    HEALTH_INSURANCE
}
