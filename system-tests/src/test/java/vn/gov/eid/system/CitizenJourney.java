package vn.gov.eid.system;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;

/**
 * The HTTP workflow that turns one citizen into a completed dossier (officer submits, reviews and captures
 * biometrics, supervisor approves and completes), through balancers over the dossier-service replicas. A request
 * retried after a lost answer is safe: the submission carries an Idempotency-Key, and a workflow action that already
 * took effect (409) is accepted when the dossier is in the state it leads to.
 */
final class CitizenJourney {

    /** One citizen of the run: ID number and mobile number derived from its number, so that every run is the same. */
    record Citizen(int number, String pin, String phone) {

        static Citizen of(int number) {
            // 001 Ha Noi, 2 = male born 2000-2099, 03 = born 2003; 6-digit serial
            return new Citizen(
                    number, "00120300" + String.format("%04d", number), "0912" + String.format("%06d", number));
        }

        String dossierBody() {
            return """
                    {"type":"ISSUE",
                     "applicant":{"personalIdNumber":"%s","fullName":"Cong Dan %d","dateOfBirth":"2003-05-14","sex":"MALE"},
                     "eidRegistration":{"phoneNumber":"%s"}}
                    """.formatted(pin, number, phone);
        }
    }

    /** Staff tokens, fetched again before they expire (15 minutes by default) so that a long run keeps working. */
    static final class StaffToken {
        private final Balancer identity;
        private final String username;
        private final String password;
        private String token;
        private long fetchedAt;

        StaffToken(Balancer identity, String username, String password) {
            this.identity = identity;
            this.username = username;
            this.password = password;
        }

        synchronized String get() {
            if (token == null
                    || System.nanoTime() - fetchedAt > Duration.ofMinutes(10).toNanos()) {
                Response r = identity.call("login " + username, url -> SystemApi.login(url, username, password));
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("login of " + username + " answered " + r.statusCode());
                }
                token = r.path("access_token");
                fetchedAt = System.nanoTime();
            }
            return token;
        }
    }

    /** Short connect timeout (a dead replica is skipped fast), a read timeout that a slow replica still meets. */
    static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.connection.timeout", 2_000)
                    .setParam("http.socket.timeout", 60_000));

    private final Balancer dossiers;
    private final StaffToken officer;
    private final StaffToken supervisor;
    private final String biometrics;

    CitizenJourney(Balancer dossiers, StaffToken officer, StaffToken supervisor, String biometrics) {
        this.dossiers = dossiers;
        this.officer = officer;
        this.supervisor = supervisor;
        this.biometrics = biometrics;
    }

    /**
     * Takes the citizen's dossier to COMPLETED.
     *
     * @throws IllegalStateException naming the step and the answer when the workflow cannot go on
     */
    void complete(Citizen c) {
        Response created = dossiers.call(
                "submit",
                url -> given().config(TIMEOUTS)
                        .auth()
                        .oauth2(officer.get())
                        .header("Idempotency-Key", "replica-it-" + c.pin())
                        .contentType(ContentType.JSON)
                        .body(c.dossierBody())
                        .post(url + "/api/v1/dossiers"));
        expect(c, "submit", created, 201);
        String id = created.path("id");
        act(c, id, officer, "START_REVIEW", "IN_REVIEW");
        Response captured = dossiers.call(
                "biometrics",
                url -> given().config(TIMEOUTS)
                        .auth()
                        .oauth2(officer.get())
                        .contentType(ContentType.JSON)
                        .body(biometrics)
                        .put(url + "/api/v1/dossiers/" + id + "/biometrics"));
        expect(c, "biometrics", captured, 200);
        act(c, id, supervisor, "APPROVE", "APPROVED");
        act(c, id, supervisor, "COMPLETE", "COMPLETED");
    }

    private void act(Citizen c, String id, StaffToken who, String action, String lands) {
        Response r = dossiers.call(action, url -> SystemApi.act(url, id, who.get(), action));
        if (r.statusCode() == 409) {
            // the answer to an earlier attempt may have been lost with a killed replica: fine if it took effect
            Response now = dossiers.call(
                    "read",
                    url -> given().config(TIMEOUTS).auth().oauth2(officer.get()).get(url + "/api/v1/dossiers/" + id));
            if (now.statusCode() == 200 && lands.equals(now.path("status"))) {
                return;
            }
        }
        expect(c, action, r, 200);
    }

    private static void expect(Citizen c, String step, Response r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(c.pin() + " " + step + ": " + r.statusCode() + " " + r.asString());
        }
    }
}
