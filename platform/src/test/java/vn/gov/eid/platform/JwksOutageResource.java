package vn.gov.eid.platform;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import vn.gov.eid.testsupport.InfraTestResource;
import vn.gov.eid.testsupport.TestKeys;
import vn.gov.eid.testsupport.TestTokens;

/**
 * identity-service's JWKS endpoint as the other services see it: the test tokens' key with a max-age of one second,
 * served until the test takes it down (then 503), plus the shared PostgreSQL and Kafka (a database of its own).
 */
public class JwksOutageResource implements QuarkusTestResourceLifecycleManager {

    static final AtomicBoolean down = new AtomicBoolean();
    static final AtomicInteger served = new AtomicInteger();
    static final AtomicInteger refused = new AtomicInteger();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        InfraTestResource shared = new InfraTestResource();
        shared.init(Map.of("database", "platform_jwks"));
        Map<String, String> config = new HashMap<>(shared.start());
        RsaJsonWebKey jwk =
                new RsaJsonWebKey((RSAPublicKey) TestKeys.signingKeyPair().getPublic());
        jwk.setKeyId(TestTokens.kid(TestKeys.signingKeyPair()));
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        byte[] jwks = new JsonWebKeySet(jwk)
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)
                .getBytes(StandardCharsets.UTF_8);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/jwks.json", exchange -> {
            byte[] body = down.get() ? "identity-service is down".getBytes(StandardCharsets.UTF_8) : jwks;
            (down.get() ? refused : served).incrementAndGet();
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=1");
            exchange.getResponseHeaders().add("Content-Type", down.get() ? "text/plain" : "application/json");
            exchange.sendResponseHeaders(down.get() ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
        config.put("IDENTITY_JWKS_URL", url);
        config.put("mp.jwt.verify.publickey.location", url);
        return config;
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
