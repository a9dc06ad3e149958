package vn.gov.eid.identity.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import vn.gov.eid.identity.service.TokenService.IssuedToken;

/** Body of the token response (RFC 6749 section 5.1 names, plus password_change_required). */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("password_change_required") boolean passwordChangeRequired) {

    static TokenResponse of(IssuedToken t) {
        return new TokenResponse(t.accessToken(), "Bearer", t.expiresIn(), t.passwordChangeRequired());
    }
}
