package vn.gov.eid.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak from its Maven Central distribution (org.keycloak:keycloak-quarkus-dist zip), on the benchmark's PostgreSQL,
 * for the side-by-side figures of issue 11: a realm whose passwords are Argon2id with identity-service's parameters,
 * a public client with the password grant, users created through the admin API. Keycloak 26 needs Java 21 or newer:
 * the JDK is given by its folder.
 */
final class KeycloakRun implements AutoCloseable {

    static final String REALM = "bench";
    static final String CLIENT = "bench";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Process process;
    private final String url;
    private final String adminPassword;
    private String adminToken;
    private long adminTokenAt;

    private KeycloakRun(Process process, String url, String adminPassword) {
        this.process = process;
        this.url = url;
        this.adminPassword = adminPassword;
    }

    /**
     * Unpacks the distribution into the folder, builds it for PostgreSQL, starts it and waits until it answers; then
     * creates the benchmark realm (Argon2id with the given iterations; Keycloak's memory and parallelism defaults are
     * identity-service's, 7168 KiB and 1) and client.
     */
    static KeycloakRun start(
            Path zip, Path dir, Path javaHome, String jdbcUrl, String dbUser, String dbPassword, int iterations)
            throws Exception {
        Files.createDirectories(dir);
        run(dir, List.of("unzip", "-q", "-o", zip.toString(), "-d", dir.toString()), Map.of(), Duration.ofMinutes(5));
        Path home;
        try (var list = Files.list(dir)) {
            home = list.filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no keycloak-* folder in " + zip));
        }
        Map<String, String> env = Map.of(
                "JAVA_HOME", javaHome.toString(),
                "KC_DB", "postgres",
                "KC_DB_URL", jdbcUrl,
                "KC_DB_USERNAME", dbUser,
                "KC_DB_PASSWORD", dbPassword);
        run(dir, List.of(home.resolve("bin/kc.sh").toString(), "build"), env, Duration.ofMinutes(10));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String adminPassword = "Admin-" + Long.toHexString(System.nanoTime());
        ProcessBuilder pb = new ProcessBuilder(
                        home.resolve("bin/kc.sh").toString(),
                        "start",
                        "--optimized",
                        "--http-enabled=true",
                        "--http-port=" + port,
                        "--hostname-strict=false")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("keycloak.log").toFile());
        pb.environment().putAll(env);
        pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        KeycloakRun kc = new KeycloakRun(pb.start(), "http://127.0.0.1:" + port, adminPassword);
        try {
            kc.awaitReady(Duration.ofMinutes(5));
            kc.admin("POST", "/admin/realms", """
                    {"realm":"%s","enabled":true,"passwordPolicy":"hashAlgorithm(argon2) and hashIterations(%d)"}""".formatted(REALM, iterations), 201);
            kc.admin("POST", "/admin/realms/" + REALM + "/clients", """
                    {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false}""".formatted(CLIENT), 201);
            return kc;
        } catch (Exception | Error e) {
            kc.close();
            throw e;
        }
    }

    /** The Java process (kc.sh starts it as a child) for CPU and memory figures. */
    long javaPid() {
        return process.toHandle()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst()
                .orElse(process.toHandle())
                .pid();
    }

    /** Creates a user with a password: permanent, or temporary (to be changed at first login) like our accounts'. */
    void createUser(String username, String password, boolean temporary) throws Exception {
        admin("POST", "/admin/realms/" + REALM + "/users", """
                {"username":"%s","enabled":true,"firstName":"Cong","lastName":"Dan","email":"%s@bench.invalid",
                 "emailVerified":true,"credentials":[{"type":"password","value":"%s","temporary":%s}]}""".formatted(username, username, password, temporary), 201);
    }

    /** The password grant on the benchmark realm; the answer as it came. */
    HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(url + "/realms/" + REALM + "/protocol/openid-connect/token"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + CLIENT
                                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void admin(String method, String path, String json, int expected) throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + adminToken())
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("Keycloak " + method + " " + path + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** The master realm's admin token lives 60 s: fetched again after 30. */
    private synchronized String adminToken() throws Exception {
        if (adminToken == null
                || System.nanoTime() - adminTokenAt > Duration.ofSeconds(30).toNanos()) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(url + "/realms/master/protocol/openid-connect/token"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "grant_type=password&client_id=admin-cli&username=admin&password="
                                            + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = ACCESS_TOKEN.matcher(r.body());
            if (r.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("Keycloak admin login: " + r.statusCode() + " " + r.body());
            }
            adminToken = m.group(1);
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/realms/master"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready within " + timeout);
    }

    private static void run(Path dir, List<String> command, Map<String, String> env, Duration timeout)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("setup.log").toFile()));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("setup.log"));
        }
    }

    @Override
    public void close() {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
