package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.domain.AccountStatus;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.identity.domain.RefreshToken;
import vn.gov.eid.identity.domain.RefreshToken.SubjectKind;
import vn.gov.eid.identity.domain.Role;
import vn.gov.eid.identity.domain.StaffUser;
import vn.gov.eid.identity.service.TokenService.IssuedToken;

/**
 * Sessions of citizens and staff users: rotating refresh tokens (opaque, 256 random bits, stored as SHA-256 only).
 * Each refresh spends the token and returns the next one of the same family; a spent token presented again was
 * copied, so the whole family ends. A refresh checks the subject again: a locked account or user, or a temporary
 * password, gets no new token.
 */
@ApplicationScoped
public class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Longest refresh token accepted at all (ours are 43 characters). */
    static final int MAX_TOKEN_LENGTH = 128;

    @Inject
    IdentityConfig config;

    @Inject
    TokenService tokens;

    @Inject
    EntityManager em;

    /** Starts a session for a subject that has just logged in, in the login's transaction; the first refresh token. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String start(SubjectKind kind, String subject, Instant now) {
        Duration longest = kind == SubjectKind.CITIZEN
                ? config.token().citizenSession()
                : config.token().staffSession();
        return next(UUID.randomUUID(), kind, subject, now, now.plus(longest));
    }

    /**
     * Exchanges a refresh token for a new access token and the next refresh token. Refused (400 invalid_grant) when
     * the token is unknown, expired, spent (the family ends) or its subject may no longer log in (the family ends).
     * A refusal commits: the ended family stays ended.
     */
    @Transactional(dontRollbackOn = RefreshRefused.class)
    public IssuedToken refresh(String token) {
        Instant now = now();
        RefreshToken seen = find(token, LockModeType.NONE);
        if (seen == null) {
            throw RefreshRefused.invalidGrant();
        }
        // The subject's row first (shared), then the token's (exclusive): a password change, recovery, reset or lock
        // takes the subject's row and ends the sessions under it, so a refresh that overlaps one waits for it and then
        // finds its family gone, instead of minting a token the change never saw. Same order as theirs: no deadlock.
        boolean mayLogIn = lockSubject(seen.subjectKind, seen.subject);
        em.detach(seen); // read again under the lock: another refresh may have spent it meanwhile
        RefreshToken current = find(token, LockModeType.PESSIMISTIC_WRITE);
        if (current == null) {
            throw RefreshRefused.invalidGrant();
        }
        if (current.spentAt != null) {
            long ended = RefreshToken.revokeFamily(current.familyId);
            Log.warnf(
                    "spent refresh token of %s %s presented again: session %s ended (%d token(s))",
                    current.subjectKind, current.subject, current.familyId, ended);
            throw RefreshRefused.invalidGrant();
        }
        if (!now.isBefore(current.expiresAt) || !now.isBefore(current.familyExpiresAt)) {
            RefreshToken.revokeFamily(current.familyId);
            throw RefreshRefused.invalidGrant();
        }
        IssuedToken access = mayLogIn ? accessToken(current.subjectKind, current.subject) : null;
        if (access == null) {
            RefreshToken.revokeFamily(current.familyId);
            Log.infof(
                    "refresh refused: %s %s may no longer log in; session %s ended",
                    current.subjectKind, current.subject, current.familyId);
            throw RefreshRefused.invalidGrant();
        }
        current.spentAt = now;
        return access.withRefreshToken(
                next(current.familyId, current.subjectKind, current.subject, now, current.familyExpiresAt));
    }

    /** Ends the session of a refresh token (RFC 7009); an unknown token is not an error. */
    @Transactional
    public void revoke(String token) {
        RefreshToken found = find(token, LockModeType.PESSIMISTIC_WRITE);
        if (found != null) {
            RefreshToken.revokeFamily(found.familyId);
            Log.infof("session %s of %s %s revoked", found.familyId, found.subjectKind, found.subject);
        }
    }

    /** Ends every session of a subject, in the caller's transaction (its password changed, it was locked). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endAll(SubjectKind kind, String subject) {
        long ended = RefreshToken.revokeAll(kind, subject);
        if (ended > 0) {
            Log.infof("sessions of %s %s ended (%d refresh token(s))", kind, subject, ended);
        }
    }

    /** Deletes the tokens of sessions that have ended by time: nothing stays longer than it can be used. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void removeEnded() {
        int removed = em.createNativeQuery(
                        "delete from refresh_token where family_expires_at < ?1 or family_id in (select family_id"
                                + " from refresh_token group by family_id having max(expires_at) < ?1)")
                .setParameter(1, now())
                .executeUpdate();
        if (removed > 0) {
            Log.debugf("sessions: %d refresh token(s) of ended sessions removed", removed);
        }
    }

    /**
     * Takes the subject's row (shared) and says whether its sessions may go on: the account exists, is not locked by
     * an operator and has no temporary password; the staff user exists. A lock after failed logins or wrong codes does
     * not end sessions: it guards the password against guessing, and anyone who knows an ID number could set it off.
     */
    private static boolean lockSubject(SubjectKind kind, String subject) {
        if (kind == SubjectKind.CITIZEN) {
            CitizenAccount a = CitizenAccount.findById(subject, LockModeType.PESSIMISTIC_READ);
            return a != null && a.status != AccountStatus.LOCKED && !a.passwordTemporary;
        }
        return StaffUser.findById(subject, LockModeType.PESSIMISTIC_READ) != null;
    }

    private IssuedToken accessToken(SubjectKind kind, String subject) {
        if (kind == SubjectKind.CITIZEN) {
            return tokens.issue(subject, Set.of(Role.CITIZEN), false);
        }
        StaffUser staff = StaffUser.findById(subject);
        return tokens.issue(subject, Set.of(staff.role), false);
    }

    private String next(UUID family, SubjectKind kind, String subject, Instant now, Instant familyExpiresAt) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Duration idle = kind == SubjectKind.CITIZEN
                ? config.token().refreshIdle()
                : config.token().staffRefreshIdle();
        RefreshToken row = new RefreshToken();
        row.tokenHash = hash(token);
        row.familyId = family;
        row.subjectKind = kind;
        row.subject = subject;
        row.issuedAt = now;
        Instant idleEnd = now.plus(idle);
        row.expiresAt = idleEnd.isBefore(familyExpiresAt) ? idleEnd : familyExpiresAt;
        row.familyExpiresAt = familyExpiresAt;
        row.persist();
        return token;
    }

    private static RefreshToken find(String token, LockModeType lock) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        return RefreshToken.findById(hash(token.trim()), lock);
    }

    /** SHA-256: a 256-bit random token needs no salt, key or slow hash to be safe at rest. */
    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
