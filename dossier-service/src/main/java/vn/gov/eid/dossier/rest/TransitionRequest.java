package vn.gov.eid.dossier.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import vn.gov.eid.dossier.domain.Action;

/** A workflow step asked for by an officer or supervisor (body of POST /api/v1/dossiers/{id}/transitions). */
public record TransitionRequest(
        @NotNull Action action,
        /** Why; required for REJECT, where it is the reason given to the citizen. */
        @Size(max = 1000) String note) {}
