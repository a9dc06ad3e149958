package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.gov.eid.dossier.DossierApi.BASE;
import static vn.gov.eid.dossier.DossierApi.officer;
import static vn.gov.eid.dossier.DossierApi.putBiometrics;
import static vn.gov.eid.dossier.DossierApi.step;
import static vn.gov.eid.dossier.DossierApi.submitted;
import static vn.gov.eid.dossier.DossierApi.supervisor;
import static vn.gov.eid.dossier.StoredRows.update;
import static vn.gov.eid.dossier.StoredRows.uuid;
import static vn.gov.eid.dossier.StoredRows.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.gov.eid.dossier.service.RetentionPurge;

/**
 * Retention (defaults): biometrics and contact data of dossiers completed or rejected more than 30 days ago are
 * deleted, younger ones kept; Idempotency-Key records go after 24 hours, access-log records after 365 days. Ages are
 * set with SQL.
 */
@QuarkusTest
class RetentionTest {
    @Inject
    DataSource db;

    @Inject
    RetentionPurge purge;

    @Test
    void biometricsAndContactsOfDossiersClosedLongerThanTheirPeriodAreDeleted() throws Exception {
        String completedOld = completed();
        String completedRecent = completed();
        String rejectedOld = rejected();
        String rejectedRecent = rejected();
        String open = submitted(DossierApi.newIssue());
        putBiometrics(open, DossierApi.biometrics(), officer()).then().statusCode(200);
        closedDaysAgo(completedOld, 31);
        closedDaysAgo(rejectedOld, 31);
        closedDaysAgo(completedRecent, 29);
        closedDaysAgo(rejectedRecent, 29);
        update(db, "update dossier set created_at = now() - interval '400 days' where id = ?", uuid(open));

        purge.purgeClosedDossiers();

        for (String id : new String[] {completedOld, rejectedOld}) {
            assertPurged(id);
        }
        for (String id : new String[] {completedRecent, rejectedRecent, open}) {
            assertKept(id);
        }

        // a second run purges nothing twice
        purge.purgeClosedDossiers();
        assertEquals(
                1L,
                value(
                        db,
                        "select count(*) from dossier_history where dossier_id = ? and action = 'RETENTION_PURGE'"
                                + " and actor = 'system:retention'",
                        uuid(completedOld)));
    }

    @Test
    void idempotencyKeysExpireAfterADay() throws Exception {
        Map<String, Object> oldBody = DossierApi.newIssue();
        Map<String, Object> freshBody = DossierApi.newIssue();
        String oldKey = "retention-" + UUID.randomUUID();
        String freshKey = "retention-" + UUID.randomUUID();
        withKey(oldKey, oldBody).then().statusCode(201);
        withKey(freshKey, freshBody).then().statusCode(201);
        update(db, "update idempotency_key set created_at = now() - interval '25 hours' where idem_key = ?", oldKey);

        purge.purgeIdempotencyKeys();

        assertEquals(0L, value(db, "select count(*) from idempotency_key where idem_key = ?", oldKey));
        assertEquals(1L, value(db, "select count(*) from idempotency_key where idem_key = ?", freshKey));
        // the old key no longer replays: the person's open dossier refuses a second one instead
        withKey(oldKey, oldBody).then().statusCode(409).body("type", equalTo("urn:vn-eid:problem:open-dossier-exists"));
        withKey(freshKey, freshBody).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void accessLogRecordsAreKeptForAYear() throws Exception {
        String id = submitted(DossierApi.newIssue());
        String oldActor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        String recentActor = "auditor-" + UUID.randomUUID().toString().substring(0, 8);
        insertStaffRead(oldActor, id, 366);
        insertStaffRead(recentActor, id, 364);

        purge.purgeAccessLog();

        assertEquals(0L, value(db, "select count(*) from dossier_access_log where actor = ?", oldActor));
        assertEquals(1L, value(db, "select count(*) from dossier_access_log where actor = ?", recentActor));
    }

    private void insertStaffRead(String actor, String dossierId, int daysAgo) throws SQLException {
        update(
                db,
                "insert into dossier_access_log (at, actor, kind, dossier_id)"
                        + " values (now() - make_interval(days => ?), ?, 'STAFF_READ', ?)",
                daysAgo,
                actor,
                uuid(dossierId));
    }

    private void closedDaysAgo(String id, int days) throws SQLException {
        update(db, "update dossier set closed_at = now() - make_interval(days => ?) where id = ?", days, uuid(id));
    }

    private void assertPurged(String id) throws SQLException {
        assertNull(value(db, "select phone_sealed from dossier where id = ?", uuid(id)), id);
        assertNull(value(db, "select email_sealed from dossier where id = ?", uuid(id)), id);
        assertNotNull(value(db, "select biometrics_and_contact_purged_at from dossier where id = ?", uuid(id)), id);
        assertEquals(0L, value(db, "select count(*) from dossier_biometrics where dossier_id = ?", uuid(id)), id);
        given().auth()
                .oauth2(supervisor())
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("biometricsAndContactPurgedAt", notNullValue())
                .body("biometricsCaptured", equalTo(true))
                .body("eidRegistration.phoneMasked", nullValue())
                .body("eidRegistration.email", nullValue())
                .body("eidRegistration.dependents[0].fullName", equalTo("Nguyen Van Binh"));
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id + "/biometrics")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:vn-eid:problem:biometrics-purged"))
                .body("purgedAt", notNullValue());
        given().auth()
                .oauth2(supervisor())
                .get(BASE + "/" + id + "/history")
                .then()
                .statusCode(200)
                .body("find { it.action == 'RETENTION_PURGE' }.actor", equalTo("system:retention"));
    }

    private void assertKept(String id) throws SQLException {
        assertNotNull(value(db, "select phone_sealed from dossier where id = ?", uuid(id)), id);
        assertNull(value(db, "select biometrics_and_contact_purged_at from dossier where id = ?", uuid(id)), id);
        given().auth()
                .oauth2(supervisor())
                .get(BASE + "/" + id)
                .then()
                .statusCode(200)
                .body("biometricsAndContactPurgedAt", nullValue())
                .body("eidRegistration.phoneMasked", equalTo("+84******678"));
        given().auth()
                .oauth2(officer())
                .get(BASE + "/" + id + "/biometrics")
                .then()
                .statusCode(200);
    }

    private static String completed() {
        String id = submitted(DossierApi.newIssue());
        step(id, "START_REVIEW");
        step(id, "APPROVE");
        step(id, "COMPLETE");
        return id;
    }

    private static String rejected() {
        String id = submitted(DossierApi.newIssue());
        putBiometrics(id, DossierApi.biometrics(), officer()).then().statusCode(200);
        step(id, "REJECT");
        return id;
    }

    private static Response withKey(String key, Map<String, Object> body) {
        return given().auth()
                .oauth2(officer())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post(BASE);
    }
}
