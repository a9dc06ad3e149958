package vn.gov.eid.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP calls of the benchmark, as the packaged services' users make them: staff log in (password grant), officers
 * submit dossiers and capture biometrics, supervisors approve and complete. Plain JDK HTTP client, no test framework:
 * the driver must cost as little as possible next to the services it measures.
 */
final class PipelineApi {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    /** A citizen of the run: ID number (Ha Noi, male, born 2003) and mobile number derived from its number. */
    record Citizen(int number, String pin, String phone) {

        static Citizen of(int number) {
            if (number < 1 || number > 999_999) {
                throw new IllegalArgumentException("citizen numbers are 1..999999");
            }
            String serial = String.format("%06d", number);
            return new Citizen(number, "001203" + serial, "0912" + serial);
        }

        String dossierBody() {
            return """
                    {"type":"ISSUE",
                     "applicant":{"personalIdNumber":"%s","fullName":"Cong Dan %d","dateOfBirth":"2003-05-14","sex":"MALE"},
                     "eidRegistration":{"phoneNumber":"%s"}}""".formatted(pin, number, phone);
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String identity;
    private final String dossiers;
    private final String biometrics;
    private final Token officer;
    private final Token supervisor;

    PipelineApi(String identityUrl, String dossierUrl, String biometricsJson, String[] officer, String[] supervisor) {
        this.identity = identityUrl;
        this.dossiers = dossierUrl;
        this.biometrics = biometricsJson;
        this.officer = new Token(officer[0], officer[1]);
        this.supervisor = new Token(supervisor[0], supervisor[1]);
    }

    /** Fetches the staff tokens now; they stay valid for ten minutes. */
    void freshTokens() {
        officer.refresh();
        supervisor.refresh();
    }

    /** The password grant; the answer as it came. */
    HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        return http.send(loginRequest(username, password), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest loginRequest(String username, String password) {
        String form = "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(identity + "/api/v1/auth/token"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    /** Submits the citizen's dossier (with an Idempotency-Key), asynchronously: for the intake measurement. */
    CompletableFuture<HttpResponse<String>> submitAsync(Citizen c) {
        return http.sendAsync(submitRequest(c), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest submitRequest(Citizen c) {
        return HttpRequest.newBuilder(URI.create(dossiers + "/api/v1/dossiers"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + officer.get())
                .header("Idempotency-Key", "bench-" + c.pin())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(c.dossierBody()))
                .build();
    }

    /** Takes the citizen's dossier to APPROVED: submit, start review, biometrics, approve. Returns the dossier id. */
    String approve(Citizen c) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(submitRequest(c), HttpResponse.BodyHandlers.ofString());
        expect(c, "submit", created, 201);
        Matcher m = ID.matcher(created.body());
        if (!m.find()) {
            throw new IllegalStateException(c.pin() + " submit: no id in " + created.body());
        }
        String id = m.group(1);
        expect(c, "START_REVIEW", act(id, officer, "START_REVIEW"), 200);
        HttpResponse<String> captured = http.send(
                HttpRequest.newBuilder(URI.create(dossiers + "/api/v1/dossiers/" + id + "/biometrics"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + officer.get())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(biometrics))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        expect(c, "biometrics", captured, 200);
        expect(c, "APPROVE", act(id, supervisor, "APPROVE"), 200);
        return id;
    }

    /** The supervisor's COMPLETE of an approved dossier; throws unless it is answered 200. */
    void complete(Citizen c, String dossierId) throws IOException, InterruptedException {
        expect(c, "COMPLETE", act(dossierId, supervisor, "COMPLETE"), 200);
    }

    private HttpResponse<String> act(String id, Token who, String action) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(dossiers + "/api/v1/dossiers/" + id + "/transitions"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + who.get())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"action\":\"" + action + "\",\"note\":\"benchmark\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(Citizen c, String step, HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(c.pin() + " " + step + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** A staff user's access token, fetched again before it expires (15 minutes by default). */
    private final class Token {
        private final String username;
        private final String password;
        private String token;
        private long fetchedAt;

        Token(String username, String password) {
            this.username = username;
            this.password = password;
        }

        synchronized void refresh() {
            token = null;
            get();
        }

        synchronized String get() {
            if (token == null
                    || System.nanoTime() - fetchedAt > Duration.ofMinutes(10).toNanos()) {
                try {
                    HttpResponse<String> r = login(username, password);
                    Matcher m = ACCESS_TOKEN.matcher(r.body());
                    if (r.statusCode() != 200 || !m.find()) {
                        throw new IllegalStateException("login of " + username + " answered " + r.statusCode());
                    }
                    token = m.group(1);
                    fetchedAt = System.nanoTime();
                } catch (IOException e) {
                    throw new IllegalStateException("login of " + username + " failed", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return token;
        }
    }
}
