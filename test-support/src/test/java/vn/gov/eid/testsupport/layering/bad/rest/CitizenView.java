package vn.gov.eid.testsupport.layering.bad.rest;

/** Fixture: an HTTP view. */
public record CitizenView(String pid) {}
