package vn.gov.eid.identity.service;

import vn.gov.eid.platform.error.DomainException;

/**
 * A refresh token that gives nothing (RFC 6749 invalid_grant): unknown, expired, spent or revoked, or its subject may
 * no longer log in; which one is not said. The refusal commits, so a family it ends stays ended.
 */
public final class RefreshRefused extends DomainException {

    private RefreshRefused() {
        super(Kind.INVALID, "invalid-grant", "Invalid grant", "the refresh token is invalid, expired or revoked");
        with("error", "invalid_grant");
    }

    static RefreshRefused invalidGrant() {
        return new RefreshRefused();
    }
}
