package vn.gov.eid.identity.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.gov.eid.identity.service.TokenService.IssuedToken;

/** Body of the token response (RFC 6749 section 5.1 names, plus password_change_required). */
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
        boolean passwordChangeRequired) {

    static TokenResponse of(IssuedToken t) {
        return new TokenResponse(t.accessToken(), "Bearer", t.expiresIn(), t.passwordChangeRequired());
    }
}
