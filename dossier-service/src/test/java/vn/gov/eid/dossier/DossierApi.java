package vn.gov.eid.dossier;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import vn.gov.eid.dossier.domain.Role;
import vn.gov.eid.testsupport.TestTokens;

/**
 * Test helper: valid request bodies with fresh personal ID numbers, calls with role tokens, and what is stored
 * (read straight from the database, not through the API).
 */
final class DossierApi {
    static final String BASE = "/api/v1/dossiers";
    static final String TOPIC = "dossier.events.v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DossierApi() {}

    static String officer() {
        return TestTokens.token("officer1", Role.OFFICER);
    }

    static String supervisor() {
        return TestTokens.token("supervisor1", Role.SUPERVISOR);
    }

    static String partner() {
        return TestTokens.token("partner-portal", Role.PARTNER);
    }

    static String tokenFor(String role) {
        return TestTokens.token(role + "-user", role);
    }

    /** A personal ID number consistent with the birth date and sex (Hà Nội, code 001). */
    static String personalId(LocalDate dob, String sex) {
        int century = dob.getYear() / 100 - 19;
        int g = century * 2 + ("FEMALE".equals(sex) ? 1 : 0);
        return String.format("001%d%02d%06d", g, dob.getYear() % 100, RANDOM.nextInt(1_000_000));
    }

    static Map<String, Object> applicant(String pid, LocalDate dob, String sex) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("personalIdNumber", pid);
        a.put("fullName", "Nguyen Van An");
        a.put("dateOfBirth", dob.toString());
        a.put("sex", sex);
        a.put("nationality", "Viet Nam");
        a.put("father", Map.of("fullName", "Nguyen Van Ba", "nationality", "Viet Nam"));
        return a;
    }

    /** An ISSUE dossier for a new person born 2003-05-14, with an e-ID registration. */
    static Map<String, Object> newIssue() {
        LocalDate dob = LocalDate.of(2003, 5, 14);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ISSUE");
        body.put("applicant", applicant(personalId(dob, "MALE"), dob, "MALE"));
        body.put("eidRegistration", registration("0912 345 678", "an@example.vn"));
        return body;
    }

    static Map<String, Object> registration(String phone, String email) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("phoneNumber", phone);
        r.put("email", email);
        r.put(
                "dependents",
                List.of(Map.of("fullName", "Nguyen Van Binh", "dateOfBirth", "2020-01-02", "relationship", "CHILD")));
        r.put(
                "integratedDocuments",
                List.of(Map.of(
                        "type",
                        "HEALTH_INSURANCE",
                        "number",
                        "DN4010123456789",
                        "issueDate",
                        "2025-01-01",
                        "expiryDate",
                        "2026-12-31",
                        "originalVerified",
                        true)));
        return r;
    }

    @SuppressWarnings("unchecked")
    static String pidOf(Map<String, Object> body) {
        return (String) ((Map<String, Object>) body.get("applicant")).get("personalIdNumber");
    }

    static Response submit(Map<String, Object> body) {
        return given().auth()
                .oauth2(officer())
                .contentType(ContentType.JSON)
                .body(body)
                .post(BASE);
    }

    /** Submits a valid dossier and returns its id. */
    static String submitted(Map<String, Object> body) {
        return submit(body).then().statusCode(201).extract().path("id");
    }

    static Response act(String id, String action, String note, String token) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("action", action);
        if (note != null) {
            b.put("note", note);
        }
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(b)
                .post(BASE + "/" + id + "/transitions");
    }

    /** A JPEG of the given size, base64. */
    static String jpeg(int width, int height) {
        try {
            java.awt.image.BufferedImage img =
                    new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(img, "jpg", out);
            return java.util.Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> finger(String finger, int quality) {
        return Map.of(
                "finger",
                finger,
                "quality",
                quality,
                "template",
                java.util.Base64.getEncoder().encodeToString(("template-" + finger).getBytes()));
    }

    /** A valid capture: a 480x640 portrait and both index fingers. */
    static Map<String, Object> biometrics() {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("portrait", jpeg(480, 640));
        b.put("fingerprints", List.of(finger("RIGHT_INDEX", 85), finger("LEFT_INDEX", 78)));
        return b;
    }

    static Response putBiometrics(String id, Map<String, Object> body, String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put(BASE + "/" + id + "/biometrics");
    }

    /** Takes an action with the token of the role the workflow assigns to it, expecting success. */
    static void step(String id, String action) {
        if ("APPROVE".equals(action)) {
            putBiometrics(id, biometrics(), officer()).then().statusCode(200);
        }
        String token = switch (action) {
            case "START_REVIEW", "REQUEST_SUPPLEMENT", "RESUBMIT" -> officer();
            default -> supervisor();
        };
        act(id, action, "REJECT".equals(action) ? "documents forged" : null, token)
                .then()
                .statusCode(200);
    }

    /** Dossier rows stored for this person. */
    static long storedDossiers(DataSource db, String pid) throws SQLException {
        return count(db, "select count(*) from dossier where personal_id_number = ?", pid);
    }

    /** Outbox rows (events, published or not) written for this person. */
    static long outboxEvents(DataSource db, String pid) throws SQLException {
        return count(db, "select count(*) from outbox_event where event_key = ?", pid);
    }

    /** Partner lookups recorded for this client and person, with this purpose. */
    static long recordedLookups(DataSource db, String client, String pid, String purpose) throws SQLException {
        return count(
                db,
                "select count(*) from dossier_access_log where kind = 'PARTNER_LOOKUP' and actor = ?"
                        + " and personal_id_number = ? and purpose = ? and at > now() - interval '5 minutes'",
                client,
                pid,
                purpose);
    }

    /** Every partner lookup recorded for this person. */
    static long recordedLookups(DataSource db, String pid) throws SQLException {
        return count(db, "select count(*) from dossier_access_log where personal_id_number = ?", pid);
    }

    /** Staff reads recorded for this dossier by this user. */
    static long recordedStaffReads(DataSource db, String actor, String dossierId) throws SQLException {
        return count(
                db,
                "select count(*) from dossier_access_log where kind = 'STAFF_READ' and actor = ? and dossier_id = ?",
                actor,
                java.util.UUID.fromString(dossierId));
    }

    /** Biometrics stored for this dossier (0 or 1). */
    static long storedBiometrics(DataSource db, String dossierId) throws SQLException {
        return count(
                db,
                "select count(*) from dossier_biometrics where dossier_id = ?",
                java.util.UUID.fromString(dossierId));
    }

    static long count(DataSource db, String sql, Object... params) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
