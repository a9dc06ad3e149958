package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.gov.eid.identity.service.PasswordHasher;

/**
 * The token endpoint as an attacker sees it: failed logins are limited per client address on the matched route (every
 * spelling of the path counts), other addresses keep logging in, staff users and service clients back off and then
 * lock, and a burst of logins does not exhaust the database pool.
 */
@QuarkusTest
@TestProfile(LoginLimitsTest.Limits.class)
class LoginLimitsTest {

    static final int ADDRESS_FAILURES = 20;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(10);
    static final int ADDRESS_REQUESTS = 5;

    /**
     * Small limits so the test reaches them quickly (a global ceiling a flood from one address would exhaust if its
     * refused requests counted); a pool smaller than the burst of logins below.
     */
    public static class Limits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "eid.identity.login.address-failures", String.valueOf(ADDRESS_FAILURES),
                    "eid.identity.login.address-window", ADDRESS_WINDOW.toMinutes() + "m",
                    // small enough that a flood would use it up if refused requests counted against it
                    "eid.identity.login.global-per-second", "50",
                    "eid.identity.login.address-requests-per-minute", String.valueOf(ADDRESS_REQUESTS),
                    "eid.identity.staff-lockout.backoff-after", "3",
                    "eid.identity.staff-lockout.backoff-base", "100ms",
                    "eid.identity.staff-lockout.backoff-max", "400ms",
                    "eid.identity.staff-lockout.lock-after", "6",
                    "eid.identity.password.hash-concurrency", "8",
                    "quarkus.datasource.jdbc.max-size", "3");
        }
    }

    @TestHTTPResource("/")
    URI root;

    @Inject
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void everySpellingOfTheTokenPathCountsAgainstTheSameAddress() throws Exception {
        String address = randomAddress();
        List<String> spellings = List.of(
                "api/v1/auth/token",
                "api/v1/auth/%74oken",
                "api/v1/auth//token",
                "api/v1/auth/./token",
                "api/v1//auth/token");
        for (int i = 0; i < ADDRESS_FAILURES; i++) {
            // unknown users: no account's own backoff gets in the way, and shared staff users stay untouched
            HttpResponse<String> r =
                    tokenRequest(spellings.get(i % spellings.size()), address, "nobody-" + i, "Wrong_9");
            assertEquals(401, r.statusCode(), spellings.get(i % spellings.size()) + ": " + r.body());
        }
        for (String path : spellings) {
            HttpResponse<String> r = tokenRequest(path, address, "supervisor1", "Supervisor@2026");
            assertEquals(429, r.statusCode(), path + " was not limited: " + r.body());
            assertEquals(
                    "application/problem+json",
                    r.headers().firstValue("Content-Type").orElse(""));
            assertTrue(r.body().contains("urn:vn-eid:problem:too-many-requests"), r.body());
            long retryAfter =
                    Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter >= 1 && retryAfter <= 600, "Retry-After " + retryAfter);
        }
    }

    @Test
    void aThousandFailedLoginsFromOneAddressAreLimitedAndDoNotStopAnotherAddress() throws Exception {
        String attacker = randomAddress();
        int unauthorized = 0;
        int limited = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            int status = tokenRequest("api/v1/auth/token", attacker, "nobody-" + i, "Guess_" + i)
                    .statusCode();
            if (status == 401) {
                unauthorized++;
            } else {
                assertEquals(429, status, "attempt " + i);
                limited++;
            }
        }
        // every attempt past the address's allowance was refused without being checked; the allowance refills
        // steadily (ADDRESS_FAILURES per ADDRESS_WINDOW), so a slow machine earns a few more checks during the flood
        long refilled =
                Duration.ofNanos(System.nanoTime() - started).toMillis() * ADDRESS_FAILURES / ADDRESS_WINDOW.toMillis();
        assertTrue(
                unauthorized <= ADDRESS_FAILURES + refilled,
                unauthorized + " attempts were checked (" + refilled + " refilled during the flood)");
        assertEquals(1000 - unauthorized, limited);
        // from that address even a right password waits for the window
        assertEquals(
                429,
                tokenRequest("api/v1/auth/token", attacker, "supervisor1", "Supervisor@2026")
                        .statusCode());
        // another address logs in at once: the refused flood did not spend the global ceiling (50 a second here)
        HttpResponse<String> other =
                tokenRequest("api/v1/auth/token", randomAddress(), "supervisor1", "Supervisor@2026");
        assertEquals(200, other.statusCode(), other.body());
        // successes do not use up an address's allowance
        String office = randomAddress();
        for (int i = 0; i < ADDRESS_FAILURES + 5; i++) {
            assertEquals(
                    200,
                    tokenRequest("api/v1/auth/token", office, "supervisor1", "Supervisor@2026")
                            .statusCode());
        }
    }

    @Test
    void aStaffUserBacksOffAfterFailuresAndIsLockedAfterMore() throws Exception {
        String user = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        insertStaffUser(user, "Officer@2026x");
        String address = randomAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    401,
                    tokenRequest("api/v1/auth/token", address, user, "Wrong_" + i)
                            .statusCode());
        }
        // within the backoff even the right password is not checked
        HttpResponse<String> waiting = tokenRequest("api/v1/auth/token", address, user, "Officer@2026x");
        assertEquals(429, waiting.statusCode(), waiting.body());
        assertTrue(waiting.body().contains("urn:vn-eid:problem:login-backoff"), waiting.body());
        assertTrue(waiting.headers().firstValue("Retry-After").isPresent());
        // after the wait, failures go on counting until the lock
        int status = 0;
        for (int i = 3; i < 6; i++) {
            Thread.sleep(450);
            status = tokenRequest("api/v1/auth/token", address, user, "Wrong_" + i)
                    .statusCode();
        }
        assertEquals(423, status, "the sixth failure locks");
        Thread.sleep(450);
        HttpResponse<String> locked = tokenRequest("api/v1/auth/token", address, user, "Officer@2026x");
        assertEquals(423, locked.statusCode(), locked.body());
        assertTrue(locked.body().contains("lockedUntil"), locked.body());
    }

    @Test
    void aServiceClientBacksOffToo() throws Exception {
        String client = "client-" + UUID.randomUUID().toString().substring(0, 8);
        insertClient(client, "Client_secret_2026_long");
        String address = randomAddress();
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    401, clientRequest(address, client, "Wrong_secret_" + i).statusCode());
        }
        assertEquals(
                429, clientRequest(address, client, "Client_secret_2026_long").statusCode());
        Thread.sleep(450);
        assertEquals(
                200, clientRequest(address, client, "Client_secret_2026_long").statusCode());
    }

    @Test
    void staffChangeTheirPasswordUnderThePolicy() {
        String user = "officer-" + UUID.randomUUID().toString().substring(0, 8);
        insertStaffUser(user, "Officer@2026y");
        String token = Fixtures.login(user, "Officer@2026y")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("currentPassword", "Officer@2026y", "newPassword", "weak"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("newPassword"));
        given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(Map.of("currentPassword", "Officer@2026y", "newPassword", "Changed_2026z"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(204);
        Fixtures.login(user, "Officer@2026y").then().statusCode(401);
        Fixtures.login(user, "Changed_2026z").then().statusCode(200);
    }

    @Test
    void overlongOrControlCharacterCredentialsAreRefusedBeforeAnyHashing() {
        Response r = Fixtures.login("officer1", "A".repeat(129) + "_1a");
        r.then().statusCode(400).body("field", equalTo("password"));
        Fixtures.login("u".repeat(65), "Officer@2026").then().statusCode(400).body("field", equalTo("username"));
        // a NUL would make PostgreSQL refuse the lookup: refused before, as a bad request
        Fixtures.login("a\u0000b", "Officer@2026").then().statusCode(400).body("field", equalTo("username"));
        Fixtures.login("officer1", "Officer@2026\r\n").then().statusCode(400).body("field", equalTo("password"));
    }

    @Test
    void aBurstOfLoginsLargerThanThePoolIsServed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> logins = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String address = randomAddress();
                logins.add(pool.submit(() -> tokenRequest("api/v1/auth/token", address, "operator1", "Operator@2026")
                        .statusCode()));
            }
            for (Future<Integer> login : logins) {
                assertEquals(200, login.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void codeRequestsAndRevocationsAreLimitedPerAddressAndApartFromLogins() throws Exception {
        // these check no password, so nothing fails: they are counted as requests, per address and endpoint
        String flooder = randomAddress();
        String body = "{\"personalIdNumber\":\"001203099991\",\"phoneNumber\":\"0912999991\"}";
        for (int i = 0; i < ADDRESS_REQUESTS; i++) {
            assertEquals(202, json("api/v1/auth/recovery", flooder, body).statusCode());
        }
        HttpResponse<String> refused = json("api/v1/auth/recovery", flooder, body);
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals(
                "application/problem+json",
                refused.headers().firstValue("Content-Type").orElse(""));
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
        for (int i = 0; i < ADDRESS_REQUESTS; i++) {
            assertEquals(
                    200,
                    post("api/v1/auth/revoke", flooder, "token=unknown-" + i).statusCode());
        }
        assertEquals(429, post("api/v1/auth/revoke", flooder, "token=one-more").statusCode());
        // another address goes on, and the flooder's logins were not touched
        assertEquals(202, json("api/v1/auth/recovery", randomAddress(), body).statusCode());
        assertEquals(
                200,
                tokenRequest("api/v1/auth/token", flooder, "supervisor1", "Supervisor@2026")
                        .statusCode());
    }

    private HttpResponse<String> json(String path, String address, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(root.toString() + path))
                        .header("X-Forwarded-For", address)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> tokenRequest(String path, String address, String username, String password)
            throws Exception {
        return post(path, address, "grant_type=password&username=" + enc(username) + "&password=" + enc(password));
    }

    private HttpResponse<String> clientRequest(String address, String clientId, String secret) throws Exception {
        return post(
                "api/v1/auth/token",
                address,
                "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret));
    }

    private HttpResponse<String> post(String path, String address, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(root.toString() + path))
                        .header("X-Forwarded-For", address)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void insertStaffUser(String username, String password) {
        String hash = hasher.hash(password);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into staff_user (username, role, password_hash, created_at)"
                                + " values (?1, 'officer', ?2, now())")
                        .setParameter(1, username)
                        .setParameter(2, hash)
                        .executeUpdate());
    }

    private void insertClient(String clientId, String secret) {
        String hash = hasher.hash(secret);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("insert into service_client (client_id, role, secret_hash, created_at)"
                                + " values (?1, 'partner', ?2, now())")
                        .setParameter(1, clientId)
                        .setParameter(2, hash)
                        .executeUpdate());
    }

    private static String randomAddress() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "198.18." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
