package vn.gov.eid.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.gov.eid.localrun.LocalSystem;
import vn.gov.eid.localrun.LocalSystem.Service;
import vn.gov.eid.system.hostile.CodecRejections;
import vn.gov.eid.system.hostile.HostileRequest;
import vn.gov.eid.system.hostile.HostileRequests;
import vn.gov.eid.system.hostile.OpenApiOperations;
import vn.gov.eid.system.hostile.OpenApiOperations.Operation;
import vn.gov.eid.system.hostile.OpenApiOperations.Parameter;
import vn.gov.eid.system.hostile.TableFingerprints;
import vn.gov.eid.system.hostile.TableFingerprints.Exclusion;
import vn.gov.eid.system.hostile.TableFingerprints.Snapshot;
import vn.gov.eid.testsupport.RawHttp;
import vn.gov.eid.testsupport.RawHttp.Answer;
import vn.gov.eid.testsupport.TestTokens;

/**
 * Hostile input against the three packaged services, generated from the OpenAPI document each one serves: every
 * operation, with every role, no token and bad tokens; malformed JSON, wrong types, huge and deeply nested values,
 * injection-shaped strings, bad path segments, query values and headers, wrong content types and methods, and
 * requests that break HTTP itself. Asserted: no 5xx anywhere, every 4xx is {@code application/problem+json}, a bad
 * token never passes authentication, and no row of any table of the three databases was added, removed or changed
 * (but for the exclusions below, each with its reason). All failures are reported at once at the end; the whole list
 * is also written to {@code target/hostile-input/findings.txt}, with which credentials each operation admits and how
 * many requests each got. The requests follow from a fixed seed, the documents and the roles each operation admits
 * (found by sending its base request with every credential first): a failure reproduces with the line printed for it.
 *
 * <p>Order: the probe, then the generated requests (in parallel), then the requests that break HTTP, then at most 100
 * requests to the token endpoint (Argon2id is slow on purpose and logins are throttled per address).
 */
class HostileInputIT {

    private static final long SEED = 20_260_009L;
    /** The citizen of the fixtures: Ha Noi, male, born 2003. */
    private static final String PIN = "001203012345";
    /** Well formed, but nobody's account: account writes aim here (on an existing account they would succeed). */
    private static final String PIN_WITHOUT_ACCOUNT = "001203099999";

    private static final String CHOSEN_PASSWORD = "An_2026secure";
    /** Argon2id is slow on purpose and the token endpoint is rate limited: a bounded number, sent last. */
    private static final int MAX_TOKEN_REQUESTS = 100;

    private static final int THREADS = 4;
    private static final int REPORTED = 150;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern PASSWORD_IN_SMS = Pattern.compile("Mat khau tam thoi: (\\S+)");

    /** Credentials that must never pass authentication. */
    private static final Set<String> BAD_CREDENTIALS =
            Set.of("none", "garbage", "expired", "foreign-key", "alg-none", "tampered", "basic", "oversized");

    /**
     * What a refused request may write, and why. Everything else must be the same, row for row, after the hostile
     * requests as before them.
     */
    private static final List<Exclusion> EXCLUSIONS = List.of(
            new Exclusion(
                    "IDENTITY",
                    "public.citizen_account",
                    Set.of("failed_logins", "locked_until", "updated_at", "version"),
                    null,
                    "a wrong password (token endpoint) or wrong current password (POST /api/v1/auth/password) counts as "
                            + "a failed login of the citizen, and the fifth in a row locks the account for 15 minutes"),
            new Exclusion(
                    "IDENTITY",
                    "public.account_audit",
                    Set.of(),
                    "action = 'LOCKED_FAILED_LOGINS'",
                    "the lock after five failed logins is audited"),
            new Exclusion(
                    "IDENTITY",
                    "public.outbox_event",
                    Set.of(),
                    "event_type = 'vn.gov.eid.account.locked.v1'",
                    "and announced to partners (account-locked event through the outbox)"),
            new Exclusion(
                    "IDENTITY",
                    "public.staff_user",
                    Set.of("failed_logins", "last_failed_at", "locked_until"),
                    null,
                    "a staff user's wrong current password (POST /api/v1/auth/password) counts toward the staff"
                            + " backoff and lock, as a failed login does (issue 9 item 1)"),
            new Exclusion(
                    "IDENTITY",
                    "public.service_client",
                    Set.of("failed_logins", "last_failed_at", "locked_until"),
                    null,
                    "a service client's wrong secret counts toward the same backoff and lock (issue 9 item 1)"),
            new Exclusion(
                    "IDENTITY",
                    "public.login_throttle",
                    Set.of(),
                    "true",
                    "failed logins are counted per client address and against a global ceiling (issue 9 item 1):"
                            + " every refused login writes its bucket"),
            new Exclusion(
                    "DOSSIER",
                    "public.dossier_access_log",
                    Set.of(),
                    "true",
                    "every staff read of a dossier and every partner lookup is recorded (issue 9 item 3); among the"
                            + " hostile requests are reads that succeed (the base request, harmless odd headers)"),
            new Exclusion(
                    "DOSSIER",
                    "public.partner_lookup_quota",
                    Set.of(),
                    "true",
                    "a partner lookup of a well-formed personal ID number counts against the client's quota, found or"
                            + " not (issue 9 item 3)"));

    private static LocalSystem system;
    private static SystemApi api;
    private static Path root;
    private static Path work;

    @BeforeAll
    static void startSystem() throws Exception {
        root = Path.of(System.getProperty("eid.repo.root", ".."))
                .toAbsolutePath()
                .normalize();
        work = root.resolve("system-tests/target/hostile-input");
        system = LocalSystem.start(new LocalSystem.Options(root, work, false, Map.of()));
        api = new SystemApi(system);
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void hostileRequestsAreRefusedWithProblemJsonAndWriteNothing() throws Exception {
        long setUp = System.nanoTime();
        Fixtures fixtures = fixtures();
        Map<String, byte[]> credentials = credentials(fixtures);
        Map<Service, OpenApiOperations> docs = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            docs.put(
                    s,
                    OpenApiOperations.parse(
                            s.name(),
                            given().get(system.url(s) + "/q/openapi?format=json")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .asString()));
        }
        Snapshot before = quietSnapshot();
        double setUpSeconds = (System.nanoTime() - setUp) / 1e9;
        long started = System.nanoTime();
        List<String> findings = new ArrayList<>();
        Map<String, Integer> perService = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> details = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            // 1. the base request of every operation with every credential: which ones pass authentication and role
            Map<String, List<String>> admitted = new LinkedHashMap<>();
            HostileRequests probeGenerator =
                    new HostileRequests(SEED, fixtures, credentialsView(credentials, Map.of()));
            List<HostileRequest> probes = new ArrayList<>();
            List<Operation> tokenOps = new ArrayList<>();
            for (Service s : Service.values()) {
                for (Operation op : docs.get(s).operations()) {
                    if ("application/x-www-form-urlencoded".equals(op.bodyMediaType())) {
                        tokenOps.add(op);
                        continue;
                    }
                    for (String c : credentials.keySet()) {
                        probes.add(probeGenerator.base(docs.get(s), op, c));
                    }
                }
            }
            List<Answer> probeAnswers = send(pool, probes, credentials);
            for (int i = 0; i < probes.size(); i++) {
                HostileRequest r = probes.get(i);
                Answer a = probeAnswers.get(i);
                String key = r.service() + " " + r.operation();
                List<String> list = admitted.computeIfAbsent(key, k -> new ArrayList<>());
                boolean refused = refusedByAuthentication(a);
                if (!refused) {
                    list.add(r.credential());
                }
                boolean secured = docs.get(Service.valueOf(r.service())).operations().stream()
                        .filter(o -> o.id().equals(r.operation()))
                        .findFirst()
                        .orElseThrow()
                        .secured();
                if (secured
                        && BAD_CREDENTIALS.contains(r.credential())
                        && !refused
                        && a.status() > 0
                        && a.status() < 500) {
                    findings.add(line(r, a) + "  <- a bad credential passed authentication");
                }
            }
            record(probes, probeAnswers, findings, perService, statuses);
            details.add("-- who passes authentication and the role check, by operation (from the probe)");
            admitted.forEach((op, creds) -> details.add(op + ": " + creds));

            // 2. the generated requests, and the ones that break HTTP itself
            HostileRequests generator = new HostileRequests(SEED, fixtures, credentialsView(credentials, admitted));
            List<HostileRequest> requests = new ArrayList<>();
            for (Service s : Service.values()) {
                requests.addAll(generator.generate(docs.get(s)));
                requests.addAll(generator.protocol(docs.get(s)));
            }
            record(requests, send(pool, requests, credentials), findings, perService, statuses);
            Map<String, Integer> perOperation = new TreeMap<>();
            requests.forEach(r -> perOperation.merge(r.service() + " " + r.operation(), 1, Integer::sum));
            details.add("-- generated requests by operation (besides the probe and the token endpoint)");
            perOperation.forEach((op, n) -> details.add(op + ": " + n));

            // 3. last, the token endpoint: slow on purpose and rate limited per address
            List<HostileRequest> tokenRequests = new ArrayList<>();
            for (Operation op : tokenOps) {
                tokenRequests.addAll(generator.forForm(
                        docs.get(Service.valueOf(op.service())), op, MAX_TOKEN_REQUESTS / tokenOps.size()));
            }
            record(tokenRequests, send(pool, tokenRequests, credentials), findings, perService, statuses);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long settling = System.nanoTime();
        Snapshot after = quietSnapshot();
        double settleSeconds = (System.nanoTime() - settling) / 1e9;
        List<String> written = TableFingerprints.differences(before, after);

        int total = perService.values().stream().mapToInt(Integer::intValue).sum();
        String summary = String.format(
                "%d hostile requests in %.1f s (%s; fixtures and first snapshot %.1f s, last snapshot %.1f s);"
                        + " answers by status %s; %d findings; %d tables changed",
                total, seconds, perService, setUpSeconds, settleSeconds, statuses, findings.size(), written.size());
        System.out.println(summary);
        Files.createDirectories(work);
        List<String> report = new ArrayList<>();
        report.add(summary);
        report.add("-- tables written by refused requests (exclusions: " + EXCLUSIONS.size() + ")");
        report.addAll(written);
        report.add("-- answers that break the rules");
        report.addAll(findings);
        report.addAll(details);
        Files.write(work.resolve("findings.txt"), report, StandardCharsets.UTF_8);

        assertTrue(total >= 1000, "at least 1,000 requests: " + summary);
        StringBuilder message = new StringBuilder(summary).append('\n');
        written.forEach(w -> message.append("written: ").append(w).append('\n'));
        findings.stream().limit(REPORTED).forEach(f -> message.append(f).append('\n'));
        if (findings.size() > REPORTED) {
            message.append("... ")
                    .append(findings.size() - REPORTED)
                    .append(" more in ")
                    .append(work.resolve("findings.txt"));
        }
        assertTrue(findings.isEmpty() && written.isEmpty(), message.toString());
    }

    /**
     * Whether the answer is the authentication or role check's refusal (not, say, a wrong current password's 401 or
     * the workflow's 403 for an action of another role, which come from behind the check).
     */
    private static boolean refusedByAuthentication(Answer a) {
        if (a.status() != 401 && a.status() != 403) {
            return false;
        }
        return !a.mediaType().equals("application/problem+json")
                || a.body().contains("\"urn:vn-eid:problem:unauthorized\"")
                || a.body().contains("\"urn:vn-eid:problem:forbidden\"");
    }

    /** No 5xx, an answer at all, and problem+json for every 4xx. */
    private static void record(
            List<HostileRequest> requests,
            List<Answer> answers,
            List<String> findings,
            Map<String, Integer> perService,
            Map<Integer, Integer> statuses) {
        for (int i = 0; i < requests.size(); i++) {
            HostileRequest r = requests.get(i);
            Answer a = answers.get(i);
            perService.merge(r.service(), 1, Integer::sum);
            statuses.merge(a.status(), 1, Integer::sum);
            if (a.status() == 0) {
                findings.add(line(r, a) + "  <- no answer: " + a.error());
            } else if (a.status() >= 500) {
                findings.add(line(r, a) + "  <- server error");
            } else if (a.status() >= 400 && !a.mediaType().equals("application/problem+json")) {
                // the HTTP layer's bare refusal is accepted only for a request it refuses before our code, and only
                // bare
                if (!(CodecRejections.refusedBeforeAnyHandler(r) && a.body().isEmpty())) {
                    findings.add(line(r, a) + "  <- 4xx without problem+json");
                }
            }
        }
    }

    private static String line(HostileRequest r, Answer a) {
        return r.describe() + " -> " + a.status() + " "
                + (a.contentType().isEmpty() ? "(no Content-Type)" : a.contentType());
    }

    private static List<Answer> send(
            ExecutorService pool, List<HostileRequest> requests, Map<String, byte[]> credentials) throws Exception {
        List<Future<Answer>> futures = new ArrayList<>();
        for (HostileRequest r : requests) {
            Service s = Service.valueOf(r.service());
            int port = URI.create(system.url(s)).getPort();
            byte[] bytes = r.bytes("127.0.0.1:" + port, credentials.get(r.credential()));
            futures.add(pool.submit(() -> RawHttp.exchange("127.0.0.1", port, bytes, TIMEOUT)));
        }
        List<Answer> answers = new ArrayList<>();
        for (Future<Answer> f : futures) {
            answers.add(f.get());
        }
        return answers;
    }

    private static HostileRequests.Credentials credentialsView(
            Map<String, byte[]> credentials, Map<String, List<String>> admitted) {
        List<String> all = List.copyOf(credentials.keySet());
        return new HostileRequests.Credentials() {
            @Override
            public List<String> all() {
                return all;
            }

            @Override
            public List<String> admitted(Operation op) {
                return admitted.getOrDefault(op.service() + " " + op.id(), List.of());
            }
        };
    }

    /** The Authorization header of each credential; null for none. */
    private static Map<String, byte[]> credentials(Fixtures f) {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("officer", "Bearer " + f.officer);
        c.put("supervisor", "Bearer " + f.supervisor);
        c.put("operator", "Bearer " + f.operator);
        c.put("partner", "Bearer " + f.partner);
        c.put("citizen", "Bearer " + f.citizen);
        c.put("password-change", "Bearer " + f.passwordChange);
        c.put("none", null);
        c.put("garbage", "Bearer garbage");
        c.put("expired", "Bearer " + TestTokens.expired("officer1", "officer", "supervisor", "operator"));
        c.put(
                "foreign-key",
                "Bearer " + TestTokens.otherKey("operator1", "officer", "supervisor", "operator", "partner"));
        c.put("alg-none", "Bearer " + TestTokens.unsigned("supervisor1", "officer", "supervisor", "operator"));
        c.put("tampered", "Bearer " + tampered(f.officer));
        c.put(
                "basic",
                "Basic "
                        + Base64.getEncoder().encodeToString("officer1:Officer@2026".getBytes(StandardCharsets.UTF_8)));
        c.put("oversized", "Bearer " + "a".repeat(16 * 1024));
        Map<String, byte[]> out = new LinkedHashMap<>();
        c.forEach((k, v) -> out.put(k, v == null ? null : v.getBytes(StandardCharsets.ISO_8859_1)));
        return out;
    }

    /** A real officer token whose payload now claims every staff role; the signature no longer fits. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(
                        "\"groups\":[\"officer\"]", "\"groups\":[\"officer\",\"supervisor\",\"operator\",\"partner\"]");
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    /**
     * A snapshot of every table once the system is quiet (two snapshots a second apart are equal): the outbox relays
     * and the SMS receipts of the fixtures finish first.
     */
    private static Snapshot quietSnapshot() throws Exception {
        Map<String, TableFingerprints.ConnectionSource> dbs = new LinkedHashMap<>();
        for (Service s : Service.values()) {
            dbs.put(s.name(), system.database(s)::connect);
        }
        Snapshot last = TableFingerprints.take(dbs, EXCLUSIONS);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Snapshot next = TableFingerprints.take(dbs, EXCLUSIONS);
            if (next.equals(last)) {
                return next;
            }
            last = next;
        }
        return last;
    }

    // --- fixtures: a citizen with an account, a completed and an open dossier, a delivered SMS --------------------

    /**
     * The things hostile requests aim at, made by the seed path: every write to them must be refused by its state
     * (a COMPLETED dossier takes no transition, biometrics or document check; a DELIVERED message takes no retry;
     * the open dossier makes any new submission for the person a conflict), so no hostile request can write by
     * succeeding.
     */
    private static final class Fixtures implements HostileRequests.Fixtures {
        String officer;
        String supervisor;
        String operator;
        String partner;
        String citizen;
        String passwordChange;
        String completedDossier;
        String deliveredMessage;

        @Override
        public String pathValue(Operation op, Parameter p) {
            Service s = Service.valueOf(op.service());
            if (s == Service.DOSSIER && p.name().equals("id")) {
                return completedDossier;
            }
            if (s == Service.NOTIFICATION && p.name().equals("id")) {
                return deliveredMessage;
            }
            if (p.name().equals("personalIdNumber")) {
                // reads find the citizen; lock, unlock and credential reset of an existing account would succeed
                return op.method().equals("GET") ? PIN : PIN_WITHOUT_ACCOUNT;
            }
            return null;
        }

        @Override
        public JsonNode bodyValue(Operation op, String pointer) {
            JsonNodeFactory n = JsonNodeFactory.instance;
            if (Service.valueOf(op.service()) == Service.IDENTITY && pointer.equals("/personalIdNumber")) {
                // code requests and confirmations: for the fixture citizen's own pair a code would really be sent
                // (a request the service rightly accepts), so they aim at an ID number without an account
                return n.textNode(PIN_WITHOUT_ACCOUNT);
            }
            switch (pointer) {
                // a submission is about the fixture citizen (who has an open dossier): always a conflict
                case "/applicant/personalIdNumber":
                    return n.textNode(PIN);
                case "/applicant/dateOfBirth":
                    return n.textNode("2003-05-14");
                case "/applicant/sex":
                    return n.textNode("MALE");
                // the token endpoint: a login of the citizen with a wrong password
                case "/grant_type":
                    return n.textNode("password");
                case "/username":
                    return n.textNode(PIN);
                case "/password":
                    return n.textNode("Not_the_password1");
                case "/client_id":
                    return n.textNode("partner-portal");
                case "/client_secret":
                    return n.textNode("Not_the_secret1");
                default:
                    return null;
            }
        }
    }

    private static Fixtures fixtures() throws Exception {
        Fixtures f = new Fixtures();
        f.officer = api.token("officer1", "Officer@2026");
        f.supervisor = api.token("supervisor1", "Supervisor@2026");
        f.operator = api.token("operator1", "Operator@2026");
        f.partner = given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "partner-portal")
                .formParam("client_secret", "Partner_Secret2026")
                .post(system.url(Service.IDENTITY) + "/api/v1/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");

        String dossiers = system.url(Service.DOSSIER) + "/api/v1/dossiers";
        f.completedDossier = submit(f.officer, "ISSUE", """
                ,"eidRegistration":{"phoneNumber":"0912345678","email":"an.nguyen@example.vn"}""");
        api.transition(f.completedDossier, f.officer, "START_REVIEW", "IN_REVIEW");
        given().auth()
                .oauth2(f.officer)
                .contentType(ContentType.JSON)
                .body(Files.readString(root.resolve("dossier-service/samples/biometrics.json")))
                .put(dossiers + "/" + f.completedDossier + "/biometrics")
                .then()
                .statusCode(200);
        api.transition(f.completedDossier, f.supervisor, "APPROVE", "APPROVED");
        api.transition(f.completedDossier, f.supervisor, "COMPLETE", "COMPLETED");
        submit(f.officer, "REISSUE", "");

        String sms = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> system.smsc().received().stream()
                                .filter(m -> m.text().contains(PIN))
                                .map(m -> m.text())
                                .findFirst()
                                .orElse(null),
                        t -> t != null);
        Matcher m = PASSWORD_IN_SMS.matcher(sms);
        assertTrue(m.find(), "the SMS carries the temporary password");
        Response first = api.login(PIN, m.group(1));
        first.then().statusCode(200).body("password_change_required", equalTo(true));
        f.passwordChange = first.path("access_token");
        given().auth()
                .oauth2(f.passwordChange)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", m.group(1), "newPassword", CHOSEN_PASSWORD))
                .post(system.url(Service.IDENTITY) + "/api/v1/auth/password")
                .then()
                .statusCode(204);
        f.citizen = api.token(PIN, CHOSEN_PASSWORD);

        f.deliveredMessage = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> {
                            List<Map<String, Object>> messages = given().auth()
                                    .oauth2(f.operator)
                                    .queryParam("personalIdNumber", PIN)
                                    .get(system.url(Service.NOTIFICATION) + "/api/v1/messages")
                                    .then()
                                    .statusCode(200)
                                    .extract()
                                    .jsonPath()
                                    .getList("");
                            return messages.stream()
                                    .filter(x -> "DELIVERED".equals(x.get("state")))
                                    .map(x -> (String) x.get("id"))
                                    .findFirst()
                                    .orElse(null);
                        },
                        id -> id != null);
        return f;
    }

    private static String submit(String officer, String type, String extra) {
        return given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body("""
                        {"type":"%s",
                         "applicant":{"personalIdNumber":"%s","fullName":"Nguyen Van An","dateOfBirth":"2003-05-14","sex":"MALE"}%s}
                        """.formatted(type, PIN, extra))
                .post(system.url(Service.DOSSIER) + "/api/v1/dossiers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
