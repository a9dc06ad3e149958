package vn.gov.eid.identity.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The kid of a signing key is its RFC 7638 thumbprint (plain JUnit). */
class SigningKeysTest {

    /** The RSA key of RFC 7638 section 3.1. */
    private static final String N = ""
            + "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjB"
            + "ZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8"
            + "KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_"
            + "xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    private static final String E = "AQAB";

    @Test
    void thumbprintOfTheRfc7638Example() throws Exception {
        BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(N));
        BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(E));
        RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", SigningKeys.thumbprint(key));
    }
}
