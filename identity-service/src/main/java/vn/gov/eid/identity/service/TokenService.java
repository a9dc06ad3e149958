package vn.gov.eid.identity.service;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import vn.gov.eid.identity.config.IdentityConfig;

/** Issues the RS256 access tokens that every service of the programme verifies against the JWKS. */
@ApplicationScoped
public class TokenService {

    @Inject
    IdentityConfig config;

    @Inject
    SigningKeys keys;

    /** An issued token, its lifetime in seconds, and the refresh token of its session (null without one). */
    public record IssuedToken(String accessToken, long expiresIn, boolean passwordChangeRequired, String refreshToken) {

        /** The same token as part of a session that goes on with this refresh token. */
        public IssuedToken withRefreshToken(String token) {
            return new IssuedToken(accessToken, expiresIn, passwordChangeRequired, token);
        }

        @Override
        public String toString() {
            return "IssuedToken[***]";
        }
    }

    /** Signs a token for a subject with the given groups. */
    public IssuedToken issue(String subject, Set<String> groups, boolean passwordChangeRequired) {
        long now = Instant.now().getEpochSecond();
        long lifetime = config.token().lifetime().toSeconds();
        String token = Jwt.issuer(config.issuer())
                .subject(subject)
                .upn(subject)
                .groups(groups)
                .issuedAt(now)
                .expiresAt(now + lifetime)
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.signingKid())
                .sign(keys.signingKey());
        return new IssuedToken(token, lifetime, passwordChangeRequired, null);
    }
}
