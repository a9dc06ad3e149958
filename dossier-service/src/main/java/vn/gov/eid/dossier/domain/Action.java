package vn.gov.eid.dossier.domain;

import static vn.gov.eid.dossier.domain.DossierStatus.APPROVED;
import static vn.gov.eid.dossier.domain.DossierStatus.COMPLETED;
import static vn.gov.eid.dossier.domain.DossierStatus.IN_REVIEW;
import static vn.gov.eid.dossier.domain.DossierStatus.REJECTED;
import static vn.gov.eid.dossier.domain.DossierStatus.SUBMITTED;
import static vn.gov.eid.dossier.domain.DossierStatus.SUPPLEMENT_REQUESTED;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow's state machine: each action names the role allowed to take it, the states it may be
 * taken from and the state it leads to. Everything not listed here is refused.
 */
public enum Action {
    START_REVIEW(Role.OFFICER, EnumSet.of(SUBMITTED, SUPPLEMENT_REQUESTED), IN_REVIEW, false),
    REQUEST_SUPPLEMENT(Role.OFFICER, EnumSet.of(IN_REVIEW), SUPPLEMENT_REQUESTED, false),
    /** The citizen brought the missing documents; the officer puts the dossier back into review. */
    RESUBMIT(Role.OFFICER, EnumSet.of(SUPPLEMENT_REQUESTED), IN_REVIEW, false),
    APPROVE(Role.SUPERVISOR, EnumSet.of(IN_REVIEW), APPROVED, false),
    // A supervisor may still stop an approved dossier (e.g. fraud found before the card is handed over).
    REJECT(Role.SUPERVISOR, EnumSet.of(SUBMITTED, IN_REVIEW, SUPPLEMENT_REQUESTED, APPROVED), REJECTED, true),
    COMPLETE(Role.SUPERVISOR, EnumSet.of(APPROVED), COMPLETED, false);

    private final String role;
    private final Set<DossierStatus> from;
    private final DossierStatus to;
    private final boolean noteRequired;

    Action(String role, Set<DossierStatus> from, DossierStatus to, boolean noteRequired) {
        this.role = role;
        this.from = from;
        this.to = to;
        this.noteRequired = noteRequired;
    }

    /** The JWT group that may take this action. */
    public String role() {
        return role;
    }

    /** Whether the action needs a note (a rejection must say why). */
    public boolean noteRequired() {
        return noteRequired;
    }

    /** The state this action leads to from {@code current}, or empty when the state does not allow it. */
    public Optional<DossierStatus> next(DossierStatus current) {
        return from.contains(current) ? Optional.of(to) : Optional.empty();
    }

    /** Actions the given state allows, for error messages and the API description. */
    public static Set<Action> allowedFrom(DossierStatus current) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action a : values()) {
            if (a.from.contains(current)) {
                allowed.add(a);
            }
        }
        return allowed;
    }
}
