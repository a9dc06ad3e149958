package vn.gov.eid.platform.outbox;

import java.util.UUID;

/** CDI event fired when an outbox row is written; the relay observes it after commit. */
public record OutboxWritten(UUID eventId) {}
