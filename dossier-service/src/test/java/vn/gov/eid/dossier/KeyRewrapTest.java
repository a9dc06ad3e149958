package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.dossier.DossierApi.BASE;
import static vn.gov.eid.dossier.DossierApi.officer;
import static vn.gov.eid.dossier.DossierApi.putBiometrics;
import static vn.gov.eid.dossier.DossierApi.submitted;
import static vn.gov.eid.dossier.DossierApi.supervisor;
import static vn.gov.eid.dossier.StoredRows.bytes;
import static vn.gov.eid.dossier.StoredRows.dataPart;
import static vn.gov.eid.dossier.StoredRows.keyId;
import static vn.gov.eid.dossier.StoredRows.update;
import static vn.gov.eid.dossier.StoredRows.uuid;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import vn.gov.eid.dossier.domain.SealContexts;
import vn.gov.eid.dossier.service.KeyRewrap;
import vn.gov.eid.platform.crypto.ConfiguredKeyEncryptionKeys;
import vn.gov.eid.platform.crypto.EnvelopeCipher;

/**
 * Step 3 of a rotation: values sealed under the previous key (listed second in eid.data.keys) are re-wrapped under the
 * current one by the job, still open, and keep their data ciphertext; a value under a key the service lacks is
 * reported and left alone.
 */
@QuarkusTest
class KeyRewrapTest {
    private static final String FINGERPRINTS_JSON =
            "[{\"finger\":\"LEFT_RING\",\"template\":\"dGVtcGxhdGU=\",\"quality\":70},"
                    + "{\"finger\":\"RIGHT_RING\",\"template\":\"dGVtcGxhdGU=\",\"quality\":60}]";

    @Inject
    DataSource db;

    @Inject
    KeyRewrap rewrap;

    @Test
    void valuesUnderThePreviousKeyAreRewrappedAndStillOpen() throws Exception {
        EnvelopeCipher previous = new EnvelopeCipher(ConfiguredKeyEncryptionKeys.parse(configuredKey(1)));
        String id = submitted(DossierApi.newIssue());
        putBiometrics(id, DossierApi.biometrics(), officer()).then().statusCode(200);
        byte[] portrait = Base64.getDecoder().decode(DossierApi.jpeg(300, 400));
        Map<String, byte[]> before = sealAll(previous, id, portrait);
        before.forEach((column, value) -> assertEquals("dossier-test-0", keyId(value), column));
        shows(id, portrait.length); // the previous key still opens them

        KeyRewrap.Pass pass = rewrap.rewrapAll();

        assertTrue(pass.rewrapped() >= 2, pass.toString());
        Map<String, byte[]> after = stored(id);
        for (String column : before.keySet()) {
            assertEquals(DataAtRestTest.CURRENT_KEY, keyId(after.get(column)), column);
            assertArrayEquals(dataPart(before.get(column)), dataPart(after.get(column)), "data untouched: " + column);
        }
        shows(id, portrait.length);

        rewrap.rewrapAll();
        stored(id).forEach((column, value) -> assertArrayEquals(after.get(column), value, "idempotent: " + column));
    }

    @Test
    void aValueUnderAKeyTheServiceLacksIsReportedAndLeftAlone() throws Exception {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        EnvelopeCipher stranger = new EnvelopeCipher(ConfiguredKeyEncryptionKeys.parse(
                "stranger-1:" + Base64.getEncoder().encodeToString(k)));
        String id = submitted(DossierApi.newIssue());
        byte[] original = bytes(db, "select phone_sealed from dossier where id = ?", uuid(id));
        byte[] foreign = stranger.sealText("+84912345678", SealContexts.phone(uuid(id)));
        update(db, "update dossier set phone_sealed = ? where id = ?", foreign, uuid(id));
        try {
            KeyRewrap.Pass pass = rewrap.rewrapAll();
            assertTrue(pass.failed() >= 1, pass.toString());
            assertArrayEquals(foreign, bytes(db, "select phone_sealed from dossier where id = ?", uuid(id)));
        } finally {
            update(db, "update dossier set phone_sealed = ? where id = ?", original, uuid(id));
        }
    }

    /** Seals the dossier's four values under the given cipher's key, as a service on the previous key did. */
    private Map<String, byte[]> sealAll(EnvelopeCipher cipher, String id, byte[] portrait) throws SQLException {
        UUID d = uuid(id);
        update(
                db,
                "update dossier set phone_sealed = ?, email_sealed = ? where id = ?",
                cipher.sealText("+84912345678", SealContexts.phone(d)),
                cipher.sealText("an@example.vn", SealContexts.email(d)),
                d);
        update(
                db,
                "update dossier_biometrics set portrait_sealed = ?, fingerprints_sealed = ? where dossier_id = ?",
                cipher.seal(portrait, SealContexts.portrait(d)),
                cipher.seal(FINGERPRINTS_JSON.getBytes(StandardCharsets.UTF_8), SealContexts.fingerprints(d)),
                d);
        return stored(id);
    }

    private Map<String, byte[]> stored(String id) throws SQLException {
        Map<String, byte[]> values = new LinkedHashMap<>();
        values.put("phone", bytes(db, "select phone_sealed from dossier where id = ?", uuid(id)));
        values.put("email", bytes(db, "select email_sealed from dossier where id = ?", uuid(id)));
        values.put(
                "portrait", bytes(db, "select portrait_sealed from dossier_biometrics where dossier_id = ?", uuid(id)));
        values.put(
                "fingerprints",
                bytes(db, "select fingerprints_sealed from dossier_biometrics where dossier_id = ?", uuid(id)));
        return values;
    }

    /** Entry i (from 0) of the test profile's eid.data.keys: 0 is the current key, 1 the previous one. */
    private static String configuredKey(int i) {
        return ConfigProvider.getConfig()
                .getValue("eid.data.keys", String.class)
                .split(",")[i]
                .strip();
    }

    private static void shows(String id, int portraitBytes) {
        given().auth()
                .oauth2(supervisor())
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("eidRegistration.phoneMasked", equalTo("+84******678"))
                .body("eidRegistration.email", equalTo("an@example.vn"));
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id + "/biometrics")
                .then()
                .statusCode(200)
                .body("portraitBytes", equalTo(portraitBytes))
                .body("fingerprints.finger", contains("LEFT_RING", "RIGHT_RING"));
    }
}
