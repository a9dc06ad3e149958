package vn.gov.eid.platform.error;

/** One field-level violation in a validation problem: the field's path and the rule it breaks. */
public record Violation(String field, String message) {}
