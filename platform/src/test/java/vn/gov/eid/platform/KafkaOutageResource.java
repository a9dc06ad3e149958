package vn.gov.eid.platform;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import vn.gov.eid.infra.LocalKafka;
import vn.gov.eid.testsupport.InfraTestResource;
import vn.gov.eid.testsupport.TcpProxy;

/**
 * A dedicated Kafka broker that the application under test reaches only through a proxy the test can cut,
 * plus the shared PostgreSQL (its own database).
 */
public class KafkaOutageResource implements QuarkusTestResourceLifecycleManager {

    static TcpProxy proxy;
    static LocalKafka kafka;

    @Override
    public Map<String, String> start() {
        InfraTestResource shared = new InfraTestResource();
        shared.init(Map.of("database", "platform_outage"));
        Map<String, String> config = new HashMap<>(shared.start());
        try {
            proxy = TcpProxy.start();
            kafka = LocalKafka.start(proxy.port());
            proxy.forwardTo(kafka.boundClientPort());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the broker behind a proxy: " + e.getMessage(), e);
        }
        String bootstrap = "localhost:" + proxy.port();
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        // fail sends fast while the broker is away, so the test sees rows wait and retry within seconds
        config.put("eid.outbox.send-timeout", "3s");
        return config;
    }

    @Override
    public void stop() {
        try {
            proxy.close();
            kafka.close();
        } catch (Exception e) {
            // the JVM exits after the tests
        }
    }
}
