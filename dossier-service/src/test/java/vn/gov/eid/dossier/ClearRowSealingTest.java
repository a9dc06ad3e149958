package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.dossier.DossierApi.BASE;
import static vn.gov.eid.dossier.DossierApi.officer;
import static vn.gov.eid.dossier.DossierApi.putBiometrics;
import static vn.gov.eid.dossier.DossierApi.submitted;
import static vn.gov.eid.dossier.DossierApi.supervisor;
import static vn.gov.eid.dossier.StoredRows.bytes;
import static vn.gov.eid.dossier.StoredRows.keyId;
import static vn.gov.eid.dossier.StoredRows.update;
import static vn.gov.eid.dossier.StoredRows.uuid;
import static vn.gov.eid.dossier.StoredRows.value;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.gov.eid.dossier.service.ClearRowSealing;

/**
 * Rows stored in clear before encryption (V7) are still served, and the conversion job seals them: in batches, skipping
 * rows another transaction (replica) holds, idempotently; the database refuses a half-converted row.
 */
@QuarkusTest
class ClearRowSealingTest {
    private static final String FINGERPRINTS_JSON = "[{\"finger\":\"RIGHT_THUMB\",\"template\":\"dGVtcGxhdGUtUlQ=\","
            + "\"quality\":91},{\"finger\":\"LEFT_THUMB\",\"template\":\"dGVtcGxhdGUtTFQ=\",\"quality\":64}]";

    @Inject
    DataSource db;

    @Inject
    ClearRowSealing sealing;

    @Test
    void clearRowsAreServedThenSealedOnceAndLockedRowsAreLeftForTheNextRun() throws Exception {
        String x = clearDossier();
        String y = clearDossier();
        byte[] jpeg = bytes(db, "select portrait from dossier_biometrics where dossier_id = ?", uuid(x));

        // before the job: the API reads the clear row as it always did
        shows(x, jpeg.length);

        try (Connection otherReplica = StoredRows.ownConnection()) {
            otherReplica.setAutoCommit(false);
            StoredRows.prepare(otherReplica, "select 1 from dossier where id = ? for update", uuid(y))
                    .executeQuery()
                    .close();
            StoredRows.prepare(
                            otherReplica, "select 1 from dossier_biometrics where dossier_id = ? for update", uuid(y))
                    .executeQuery()
                    .close();

            assertTrue(sealing.sealAll() >= 2);

            assertSealed(x);
            assertEquals(
                    "+84912345678",
                    value(db, "select eid_registration ->> 'phoneNumber' from dossier where id = ?", uuid(y)),
                    "a row another transaction holds is skipped, not waited for");
            otherReplica.rollback();
        }
        sealing.sealAll();
        assertSealed(y);
        shows(x, jpeg.length);
        shows(y, jpeg.length);

        // a second run changes nothing
        byte[] phone = bytes(db, "select phone_sealed from dossier where id = ?", uuid(x));
        byte[] portrait = bytes(db, "select portrait_sealed from dossier_biometrics where dossier_id = ?", uuid(x));
        sealing.sealAll();
        assertArrayEquals(phone, bytes(db, "select phone_sealed from dossier where id = ?", uuid(x)));
        assertArrayEquals(
                portrait, bytes(db, "select portrait_sealed from dossier_biometrics where dossier_id = ?", uuid(x)));
    }

    @Test
    void theDatabaseRefusesARowWithBothFormsOrNeither() throws Exception {
        String z = clearDossier();
        try {
            SQLException both = assertThrows(
                    SQLException.class,
                    () -> update(db, "update dossier set phone_sealed = '\\x01'::bytea where id = ?", uuid(z)));
            assertTrue(both.getMessage().contains("dossier_contact_one_form"), both.getMessage());
            SQLException neither = assertThrows(
                    SQLException.class,
                    () -> update(
                            db,
                            "update dossier set eid_registration = eid_registration - 'phoneNumber' - 'email'"
                                    + " where id = ?",
                            uuid(z)));
            assertTrue(neither.getMessage().contains("dossier_contact_kept"), neither.getMessage());
            SQLException half = assertThrows(
                    SQLException.class,
                    () -> update(
                            db,
                            "update dossier_biometrics set portrait = null, portrait_sealed = '\\x01'::bytea"
                                    + " where dossier_id = ?",
                            uuid(z)));
            assertTrue(half.getMessage().contains("dossier_biometrics_one_form"), half.getMessage());
        } finally {
            sealing.sealAll();
        }
        assertSealed(z);
    }

    /** A dossier with biometrics, put back into the shape rows had before V7: contact and biometrics in clear. */
    private String clearDossier() throws SQLException {
        String id = submitted(DossierApi.newIssue());
        Map<String, Object> capture = DossierApi.biometrics();
        putBiometrics(id, capture, officer()).then().statusCode(200);
        byte[] jpeg = Base64.getDecoder().decode((String) capture.get("portrait"));
        update(
                db,
                "update dossier set phone_sealed = null, email_sealed = null, eid_registration = eid_registration"
                        + " || '{\"phoneNumber\":\"+84912345678\",\"email\":\"an@example.vn\"}'::jsonb where id = ?",
                uuid(id));
        update(
                db,
                "update dossier_biometrics set portrait_sealed = null, fingerprints_sealed = null, portrait = ?,"
                        + " fingerprints = ?::jsonb where dossier_id = ?",
                jpeg,
                FINGERPRINTS_JSON,
                uuid(id));
        return id;
    }

    private void assertSealed(String id) throws SQLException {
        assertNull(value(db, "select eid_registration ->> 'phoneNumber' from dossier where id = ?", uuid(id)));
        assertNull(value(db, "select eid_registration ->> 'email' from dossier where id = ?", uuid(id)));
        assertNull(bytes(db, "select portrait from dossier_biometrics where dossier_id = ?", uuid(id)));
        assertNull(value(db, "select fingerprints from dossier_biometrics where dossier_id = ?", uuid(id)));
        for (String column : new String[] {"phone_sealed", "email_sealed"}) {
            byte[] sealed = bytes(db, "select " + column + " from dossier where id = ?", uuid(id));
            assertNotNull(sealed, column);
            assertEquals(DataAtRestTest.CURRENT_KEY, keyId(sealed));
            assertFalse(StoredRows.contains(sealed, "912345678"));
        }
        for (String column : new String[] {"portrait_sealed", "fingerprints_sealed"}) {
            byte[] sealed = bytes(db, "select " + column + " from dossier_biometrics where dossier_id = ?", uuid(id));
            assertNotNull(sealed, column);
            assertEquals(DataAtRestTest.CURRENT_KEY, keyId(sealed));
            assertFalse(StoredRows.contains(sealed, "RIGHT_THUMB"));
        }
    }

    private static void shows(String id, int portraitBytes) {
        given().auth()
                .oauth2(supervisor())
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("eidRegistration.phoneMasked", equalTo("+84******678"))
                .body("eidRegistration.email", equalTo("an@example.vn"))
                .body("eidRegistration.dependents[0].fullName", equalTo("Nguyen Van Binh"));
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id + "/biometrics")
                .then()
                .statusCode(200)
                .body("portraitBytes", equalTo(portraitBytes))
                .body("fingerprints.finger", contains("RIGHT_THUMB", "LEFT_THUMB"))
                .body("fingerprints.quality", contains(91, 64));
    }
}
