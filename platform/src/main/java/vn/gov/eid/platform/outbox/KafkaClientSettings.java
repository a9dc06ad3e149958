package vn.gov.eid.platform.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The connection settings every Kafka client of the service shares: the {@code kafka.*} configuration (and the
 * {@code KAFKA_*} environment, e.g. KAFKA_BOOTSTRAP_SERVERS, KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM,
 * KAFKA_SASL_JAAS_CONFIG) that the messaging channels get, so the outbox relay's own producer and admin client
 * authenticate exactly like the consumers; so does the dead-letter reader. Only settings the client knows are passed on.
 */
@ApplicationScoped
public class KafkaClientSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> brokerConfig;

    Map<String, Object> producer() {
        return known(ProducerConfig.configNames());
    }

    Map<String, Object> admin() {
        return known(AdminClientConfig.configNames());
    }

    /** For a plain consumer of the service's own (e.g. the dead-letter reader); the caller adds its own settings. */
    public Map<String, Object> consumer() {
        return known(ConsumerConfig.configNames());
    }

    private Map<String, Object> known(Set<String> names) {
        Map<String, Object> out = new HashMap<>();
        brokerConfig.forEach((k, v) -> {
            if (names.contains(k) && v != null && !String.valueOf(v).isBlank()) {
                out.put(k, v);
            }
        });
        return out;
    }
}
