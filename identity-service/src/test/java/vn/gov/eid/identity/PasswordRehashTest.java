package vn.gov.eid.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.identity.Fixtures.*;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import vn.gov.eid.identity.service.PasswordHasher;

/** Hashes made with other Argon2id parameters (citizens, staff users, service clients) are renewed at the next successful login, and only then. */
@QuarkusTest
class PasswordRehashTest {

    private static final String CURRENT = "$argon2id$v=19$m=7168,t=5,p=1$";

    @Inject
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Test
    void successfulLoginRenewsAHashWithOldParametersAndKeepsThePassword() {
        String pid = newPersonalId();
        insertLevel1Account(em, new PasswordHasher(1, 1024, 1), pid, "Old_params_2026", newPhone());
        String before = storedHash(pid);
        assertTrue(before.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), before);

        // A failed login leaves the hash alone.
        login(pid, "Wrong_pass_2026").then().statusCode(401);
        assertEquals(before, storedHash(pid));

        login(pid, "Old_params_2026").then().statusCode(200);
        String after = storedHash(pid);
        assertTrue(after.startsWith(CURRENT), "not renewed: " + after);
        assertTrue(hasher.verify("Old_params_2026", after));

        // The same password still logs in, and a current hash is not rewritten again.
        login(pid, "Old_params_2026").then().statusCode(200);
        assertEquals(after, storedHash(pid));
        login(pid, "Wrong_pass_2026").then().statusCode(401);
    }

    @Test
    void temporaryPasswordHashIsRenewedButStaysTemporary() {
        String pid = newPersonalId();
        String temporary = createAccount(pid);
        String current = storedHash(pid);
        assertTrue(current.startsWith(CURRENT), current);
        // As if the account had been created before the parameters changed.
        String old = new PasswordHasher(2, 1024, 1).hash(temporary);
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "update citizen_account set password_hash = ?1 where personal_id_number = ?2")
                        .setParameter(1, old)
                        .setParameter(2, pid)
                        .executeUpdate());

        login(pid, temporary)
                .then()
                .statusCode(200)
                .body("password_change_required", org.hamcrest.Matchers.equalTo(true));
        String after = storedHash(pid);
        assertNotEquals(old, after);
        assertTrue(after.startsWith(CURRENT), after);
        login(pid, temporary)
                .then()
                .statusCode(200)
                .body("password_change_required", org.hamcrest.Matchers.equalTo(true));
    }

    @Test
    void serviceClientSecretHashIsRenewedAtTheNextSuccessfulGrant() {
        String clientId = "rehash-client-" + newPersonalId();
        String old = new PasswordHasher(1, 1024, 1).hash("Client_secret_2026");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "insert into service_client (client_id, role, secret_hash, created_at) values (?1, 'partner', ?2, now())")
                        .setParameter(1, clientId)
                        .setParameter(2, old)
                        .executeUpdate());

        clientGrant(clientId, "Client_secret_2027").then().statusCode(401);
        assertEquals(old, storedClientHash(clientId));

        clientGrant(clientId, "Client_secret_2026").then().statusCode(200);
        String after = storedClientHash(clientId);
        assertTrue(after.startsWith(CURRENT), "not renewed: " + after);
        clientGrant(clientId, "Client_secret_2026").then().statusCode(200);
        assertEquals(after, storedClientHash(clientId));
    }

    @Test
    void staffUserPasswordHashIsRenewedAtTheNextSuccessfulLogin() {
        String username = "rehash-officer-" + newPersonalId();
        String old = new PasswordHasher(1, 1024, 1).hash("Officer_old_2026");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery(
                                "insert into staff_user (username, role, password_hash, created_at) values (?1, 'officer', ?2, now())")
                        .setParameter(1, username)
                        .setParameter(2, old)
                        .executeUpdate());

        login(username, "Officer_old_2027").then().statusCode(401);
        assertEquals(old, storedStaffHash(username));

        login(username, "Officer_old_2026").then().statusCode(200);
        String after = storedStaffHash(username);
        assertTrue(after.startsWith(CURRENT), "not renewed: " + after);
        login(username, "Officer_old_2026").then().statusCode(200);
        assertEquals(after, storedStaffHash(username));
    }

    private String storedStaffHash(String username) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> (String) em.createNativeQuery("select password_hash from staff_user where username = ?1")
                        .setParameter(1, username)
                        .getSingleResult());
    }

    private static io.restassured.response.Response clientGrant(String clientId, String secret) {
        return io.restassured.RestAssured.given()
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post("/api/v1/auth/token");
    }

    private String storedClientHash(String clientId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> (String) em.createNativeQuery("select secret_hash from service_client where client_id = ?1")
                        .setParameter(1, clientId)
                        .getSingleResult());
    }

    private String storedHash(String pid) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> (String)
                        em.createNativeQuery("select password_hash from citizen_account where personal_id_number = ?1")
                                .setParameter(1, pid)
                                .getSingleResult());
    }
}
