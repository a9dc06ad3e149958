package vn.gov.eid.testsupport.layering.good.domain;

/** Fixture: a domain value. */
public record Citizen(String personalIdNumber) {}
