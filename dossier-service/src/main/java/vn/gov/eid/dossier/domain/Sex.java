package vn.gov.eid.dossier.domain;

/** Sex as recorded on the card; it decides the century/sex digit of the personal ID number. */
public enum Sex {
    MALE,
    FEMALE
}
