package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Biometrics and e-ID contact data are stored sealed (asserted with plain SQL), and the API still shows what it
 * showed: the masked phone, the e-mail address to staff, the biometrics summary.
 */
@QuarkusTest
class DataAtRestTest {
    static final String CURRENT_KEY = "dossier-test-1";

    @Inject
    DataSource db;

    @Test
    void phoneEmailPortraitAndTemplatesAreCiphertextUnderTheCurrentKey() throws Exception {
        String id = submitted(DossierApi.newIssue());
        Map<String, Object> capture = DossierApi.biometrics();
        putBiometrics(id, capture, officer()).then().statusCode(200);
        byte[] jpeg = Base64.getDecoder().decode((String) capture.get("portrait"));

        byte[] phone = bytes(db, "select phone_sealed from dossier where id = ?", uuid(id));
        byte[] email = bytes(db, "select email_sealed from dossier where id = ?", uuid(id));
        byte[] portrait = bytes(db, "select portrait_sealed from dossier_biometrics where dossier_id = ?", uuid(id));
        byte[] fingerprints =
                bytes(db, "select fingerprints_sealed from dossier_biometrics where dossier_id = ?", uuid(id));
        for (byte[] sealed : new byte[][] {phone, email, portrait, fingerprints}) {
            assertNotNull(sealed);
            assertEquals(1, sealed[0], "format version 1");
            assertEquals(CURRENT_KEY, keyId(sealed), "the header names the key-encryption key");
        }
        for (String clear : new String[] {"+84912345678", "912345678", "an@example.vn"}) {
            assertFalse(StoredRows.contains(phone, clear), clear);
            assertFalse(StoredRows.contains(email, clear), clear);
        }
        assertFalse(StoredRows.contains(portrait, Arrays.copyOfRange(jpeg, 0, 32)), "JPEG header in clear");
        assertFalse(StoredRows.contains(portrait, Arrays.copyOfRange(jpeg, jpeg.length / 2, jpeg.length / 2 + 32)));
        for (String clear : new String[] {"RIGHT_INDEX", "template", "dGVtcGxhdGUt", "quality"}) {
            assertFalse(StoredRows.contains(fingerprints, clear), clear);
        }
        // nothing left in clear: not in the jsonb, not in the old columns, not anywhere in the rows
        String dossierRow = (String) value(db, "select d::text from dossier d where id = ?", uuid(id));
        assertFalse(dossierRow.contains("912345678"), dossierRow);
        assertFalse(dossierRow.contains("an@example.vn"), dossierRow);
        assertNull(value(db, "select eid_registration ->> 'phoneNumber' from dossier where id = ?", uuid(id)));
        assertEquals(
                "Nguyen Van Binh",
                value(
                        db,
                        "select eid_registration -> 'dependents' -> 0 ->> 'fullName' from dossier where id = ?",
                        uuid(id)));
        assertEquals(
                0L,
                value(
                        db,
                        "select count(*) from dossier_biometrics where dossier_id = ?"
                                + " and (portrait is not null or fingerprints is not null)",
                        uuid(id)));

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
                .body("portraitBytes", equalTo(jpeg.length))
                .body("portraitWidth", equalTo(480))
                .body("portraitHeight", equalTo(640))
                .body("fingerprints.finger", contains("RIGHT_INDEX", "LEFT_INDEX"))
                .body("fingerprints.quality", contains(85, 78));
    }

    @Test
    void biometricsSummaryBeforeACaptureIsNotFound() {
        String id = submitted(DossierApi.newIssue());
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id + "/biometrics")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:biometrics-not-captured"));
    }

    @Test
    void aCiphertextCopiedToAnotherRowOrColumnDoesNotOpen() throws Exception {
        String a = submitted(DossierApi.newIssue());
        String b = submitted(DossierApi.newIssue());
        putBiometrics(a, DossierApi.biometrics(), officer()).then().statusCode(200);
        putBiometrics(b, DossierApi.biometrics(), officer()).then().statusCode(200);
        byte[] phoneOfB = bytes(db, "select phone_sealed from dossier where id = ?", uuid(b));
        byte[] emailOfB = bytes(db, "select email_sealed from dossier where id = ?", uuid(b));
        byte[] portraitOfB = bytes(db, "select portrait_sealed from dossier_biometrics where dossier_id = ?", uuid(b));
        try {
            // someone with write access to the database copies A's sealed phone into B
            update(
                    db,
                    "update dossier set phone_sealed = (select phone_sealed from dossier where id = ?) where id = ?",
                    uuid(a),
                    uuid(b));
            unreadable(given().auth().oauth2(supervisor()).get(BASE + "/" + b));
            // or B's own phone into B's e-mail column
            update(
                    db,
                    "update dossier set phone_sealed = ?, email_sealed = ? where id = ?",
                    phoneOfB,
                    phoneOfB,
                    uuid(b));
            unreadable(given().auth().oauth2(supervisor()).get(BASE + "/" + b));
            update(
                    db,
                    "update dossier_biometrics set portrait_sealed ="
                            + " (select portrait_sealed from dossier_biometrics where dossier_id = ?)"
                            + " where dossier_id = ?",
                    uuid(a),
                    uuid(b));
            unreadable(given().auth().oauth2(officer()).get(BASE + "/" + b + "/biometrics"));
            // A itself is untouched
            given().auth()
                    .oauth2(supervisor())
                    .get(BASE + "/" + a)
                    .then()
                    .statusCode(200)
                    .body("eidRegistration.phoneMasked", equalTo("+84******678"));
        } finally {
            update(
                    db,
                    "update dossier set phone_sealed = ?, email_sealed = ? where id = ?",
                    phoneOfB,
                    emailOfB,
                    uuid(b));
            update(db, "update dossier_biometrics set portrait_sealed = ? where dossier_id = ?", portraitOfB, uuid(b));
        }
        given().auth().oauth2(supervisor()).get(BASE + "/" + b).then().statusCode(200);
    }

    private static void unreadable(Response r) {
        r.then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:stored-data-unreadable"));
        assertFalse(r.asString().contains("912345678"), r.asString());
        assertFalse(r.asString().contains("an@example.vn"), r.asString());
    }
}
