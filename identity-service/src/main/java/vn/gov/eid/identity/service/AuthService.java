package vn.gov.eid.identity.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import vn.gov.eid.identity.service.LoginRecords.Credential;
import vn.gov.eid.identity.service.LoginRecords.CredentialChanged;
import vn.gov.eid.identity.service.TokenService.IssuedToken;
import vn.gov.eid.platform.error.DomainException;

/**
 * Authenticates citizens, staff users and service clients and issues their tokens (password and client grants). The
 * Argon2 check runs outside any database transaction (see {@link LoginRecords}); an unknown name costs the same hash.
 */
@ApplicationScoped
public class AuthService {

    /** Longest username (staff user names and client ids are at most 64 characters, ID numbers 12). */
    static final int MAX_NAME_LENGTH = 64;

    /** Longest password or client secret accepted at all (the policy allows 20; hashing a megabyte is a DoS). */
    static final int MAX_SECRET_LENGTH = 128;

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginRecords records;

    @Inject
    Sessions sessions;

    /** The password grant for citizens (username = personal ID number) and staff users. */
    public IssuedToken passwordGrant(String username, String password) {
        require(username, "username", MAX_NAME_LENGTH, "grant_type=password needs username and password");
        require(password, "password", MAX_SECRET_LENGTH, "grant_type=password needs username and password");
        String name = username.trim();
        return check(password, now -> records.findForPasswordGrant(name, now));
    }

    /** The client_credentials grant for service accounts of other systems. */
    public IssuedToken clientCredentialsGrant(String clientId, String secret) {
        String missing = "grant_type=client_credentials needs client_id and client_secret";
        require(clientId, "client_id", MAX_NAME_LENGTH, missing);
        require(secret, "client_secret", MAX_SECRET_LENGTH, missing);
        String id = clientId.trim();
        return check(secret, now -> records.findClient(id, now));
    }

    /** The refresh_token grant: the next access and refresh tokens of a session (see {@link Sessions}). */
    public IssuedToken refreshGrant(String refreshToken) {
        require(
                refreshToken,
                "refresh_token",
                Sessions.MAX_TOKEN_LENGTH,
                "grant_type=refresh_token needs refresh_token");
        return sessions.refresh(refreshToken);
    }

    private IssuedToken check(String secret, java.util.function.Function<Instant, Credential> find) {
        for (int attempt = 0; ; attempt++) {
            Credential credential = find.apply(now());
            if (credential == null) {
                hasher.verifyDummy(secret);
                throw LoginRefused.invalidCredentials();
            }
            boolean matches = hasher.verify(secret, credential.hash());
            // A successful login is the only moment the plain secret is at hand: hashes made with older parameters
            // are renewed then, so a change of the Argon2id settings reaches every active account.
            String renewed = matches && hasher.needsRehash(credential.hash()) ? hasher.hash(secret) : null;
            try {
                return records.complete(credential, matches, renewed, now());
            } catch (CredentialChanged e) {
                // the password changed while it was checked: check again against the new one, once
                if (attempt > 0) {
                    throw LoginRefused.invalidCredentials();
                }
            }
        }
    }

    private static void require(String value, String field, int maxLength, String missing) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid("invalid-request", "Invalid request", missing);
        }
        if (value.length() > maxLength) {
            throw DomainException.invalid(
                            "invalid-request",
                            "Invalid request",
                            field + " is longer than " + maxLength + " characters")
                    .with("field", field);
        }
        // no name, password or secret has control characters; a NUL would not even reach the database
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("invalid-request", "Invalid request", field + " contains control characters")
                    .with("field", field);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
