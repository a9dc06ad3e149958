package vn.gov.eid.identity.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.eid.identity.service.TokenService.IssuedToken;

/** The token response keeps the OAuth2 member names (plain JUnit). */
class TokenResponseTest {

    @Test
    void anIssuedTokenBecomesAnOauth2BearerResponse() throws Exception {
        TokenResponse r = TokenResponse.of(new IssuedToken("eyJ.a.b", 900, true, null));
        assertEquals(new TokenResponse("eyJ.a.b", "Bearer", 900, true, null), r);
        Map<?, ?> json = new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(r), Map.class);
        assertEquals(
                Map.of(
                        "access_token",
                        "eyJ.a.b",
                        "token_type",
                        "Bearer",
                        "expires_in",
                        900,
                        "password_change_required",
                        true),
                json,
                "no refresh_token member without a session");
    }

    @Test
    void aSessionsTokenCarriesItsRefreshToken() throws Exception {
        TokenResponse r = TokenResponse.of(new IssuedToken("eyJ.a.b", 900, false, "r3fr3sh"));
        Map<?, ?> json = new ObjectMapper().readValue(new ObjectMapper().writeValueAsString(r), Map.class);
        assertEquals("r3fr3sh", json.get("refresh_token"));
        assertEquals("Bearer", json.get("token_type"));
    }
}
