package vn.gov.eid.platform.outbox;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics the service produces to ({@code eid.outbox.topics}) when they are missing, once per process. */
@ApplicationScoped
class OutboxTopics {

    @Inject
    OutboxConfig config;

    @Inject
    KafkaClientSettings connection;

    private final AtomicBoolean ready = new AtomicBoolean();

    /** Creates the missing topics; throws while Kafka is unreachable, so that the relay tries again later. */
    void ensureCreated() {
        if (ready.get()) {
            return;
        }
        List<String> wanted = config.topics().orElse(List.of());
        if (!wanted.isEmpty()) {
            Map<String, Object> settings = connection.admin();
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            try (Admin admin = Admin.create(settings)) {
                Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                List<NewTopic> missing = wanted.stream()
                        .filter(t -> !existing.contains(t))
                        .map(t -> new NewTopic(t, config.topicPartitions(), config.topicReplicationFactor()))
                        .collect(Collectors.toList());
                if (!missing.isEmpty()) {
                    admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                    Log.infof(
                            "outbox relay: created topics %s",
                            missing.stream().map(NewTopic::name).toList());
                }
            } catch (Exception e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topics " + wanted + ": " + e.getMessage(), e);
                }
            }
        }
        ready.set(true);
    }
}
