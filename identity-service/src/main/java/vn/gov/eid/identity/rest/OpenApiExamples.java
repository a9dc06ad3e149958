package vn.gov.eid.identity.rest;

/** Example bodies shown in the OpenAPI document (docs/openapi/identity-service.yaml) for each endpoint. */
final class OpenApiExamples {
    static final String TOKEN_PASSWORD_GRANT = """
            {"grant_type":"password","username":"001203012345","password":"An_2026secure"}
            """;

    static final String TOKEN_CLIENT_CREDENTIALS_GRANT = """
            {"grant_type":"client_credentials","client_id":"partner-portal","client_secret":"s3cret-of-the-partner"}
            """;

    static final String TOKEN = """
            {"access_token":"eyJraWQiOiJyc2V3QTZCIiwiYWxnIjoiUlMyNTYifQ.eyJpc3MiOiJodHRwczovL2VpZC5leGFtcGxlIn0.c2ln",
             "token_type":"Bearer","expires_in":900,"password_change_required":false}
            """;

    static final String INVALID_CREDENTIALS_PROBLEM = """
            {"type":"urn:vn-eid:problem:invalid-credentials","title":"Invalid credentials","status":401,
             "detail":"the username or password is wrong","instance":"/api/v1/auth/token"}
            """;

    static final String TOO_MANY_PROBLEM = """
            {"type":"urn:vn-eid:problem:too-many-requests","title":"Too many requests","status":429,
             "detail":"too many failed logins from this address; retry later","instance":"/api/v1/auth/token"}
            """;

    static final String PASSWORD_CHANGE = """
            {"currentPassword":"To63t2CnQ_c!","newPassword":"An_2026secure"}
            """;

    static final String ACCOUNT = """
            {"personalIdNumber":"001203012345","level":2,"status":"ACTIVE","createdAt":"2026-11-28T23:25:28.078Z",
             "activatedAt":"2026-11-28T23:40:02.511Z"}
            """;

    static final String LOCKED_ACCOUNT = """
            {"personalIdNumber":"001203012345","level":2,"status":"LOCKED","createdAt":"2026-11-28T23:25:28.078Z",
             "activatedAt":"2026-11-28T23:40:02.511Z"}
            """;

    static final String AUDIT = """
            [{"action":"LOCKED","actor":"operator1","reason":"citizen reported a lost phone","at":"2026-11-29T08:00:00Z"},
             {"action":"UNLOCKED","actor":"operator1","reason":"citizen has a new SIM","at":"2026-11-30T09:12:00Z"}]
            """;

    static final String OPERATOR_ACTION = """
            {"reason":"citizen reported a lost phone (ticket 4711)"}
            """;

    static final String CREDENTIAL_RESET = """
            {"smsRequestId":"89badbbd-9407-4237-a08b-ff981750363f"}
            """;

    static final String JWKS = """
            {"keys":[{"kty":"RSA","kid":"rsewA6B","use":"sig","alg":"RS256","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB"}]}
            """;

    static final String OPENID_CONFIGURATION = """
            {"issuer":"https://id.eid.example","jwks_uri":"http://127.0.0.1:8081/.well-known/jwks.json",
             "token_endpoint":"http://127.0.0.1:8081/api/v1/auth/token",
             "grant_types_supported":["password","client_credentials"],
             "token_endpoint_auth_methods_supported":["client_secret_post"],"response_types_supported":["token"],
             "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"],
             "claims_supported":["iss","sub","upn","groups","exp","iat","jti"]}
            """;

    private OpenApiExamples() {}
}
