package vn.gov.eid.identity.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gov.eid.identity.service.TokenService.IssuedToken;

/**
 * Body of the token response (RFC 6749 section 5.1 names, plus password_change_required); refresh_token only for a
 * session (citizens with their own password and staff users, not service clients or a temporary password).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(
        @Schema(description = "The RS256 JWT to send as `Authorization: Bearer <token>`; a secret: never log it")
        @JsonProperty("access_token")
        String accessToken,

        @Schema(description = "Always Bearer") @JsonProperty("token_type")
        String tokenType,

        @Schema(description = "Lifetime of the token in seconds") @JsonProperty("expires_in")
        long expiresIn,

        @Schema(
                description = "true after a first login with a temporary password: the token then only allows"
                        + " POST /api/v1/auth/password")
        @JsonProperty("password_change_required")
        boolean passwordChangeRequired,

        @Schema(
                description = "Only for a session (a citizen with their own password, a staff user): opaque, rotating;"
                        + " exchange it with grant_type=refresh_token, end it with POST /api/v1/auth/revoke; a secret")
        @JsonProperty("refresh_token")
        String refreshToken) {

    static TokenResponse of(IssuedToken t) {
        return new TokenResponse(
                t.accessToken(), "Bearer", t.expiresIn(), t.passwordChangeRequired(), t.refreshToken());
    }
}
