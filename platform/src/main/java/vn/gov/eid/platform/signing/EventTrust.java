package vn.gov.eid.platform.signing;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import vn.gov.eid.platform.cloudevents.CloudEventHeaders;
import vn.gov.eid.platform.signing.EventVerifier.Reason;

/**
 * Decides whether a consumed record may have an effect: it must come from a configured producer (ce_source), be of a
 * type that producer publishes, and carry that producer's valid signature over headers, key and value.
 */
@ApplicationScoped
public class EventTrust {

    /** A trusted producer as configured: its types and a verifier holding its keys. */
    record Producer(String name, Set<String> types, EventVerifier verifier) {}

    @Inject
    EventTrustConfig config;

    @Inject
    MeterRegistry metrics;

    private Map<String, Producer> bySource;

    @PostConstruct
    void init() {
        bySource = load(config);
    }

    /** Created at start, so a producer without a usable key stops the service before it consumes anything. */
    void onStart(@Observes StartupEvent event) {}

    /**
     * Checks a record before anything else looks at it.
     *
     * @throws UntrustedRecordException with the reason; the record must have no effect
     */
    public void check(ConsumerRecord<String, String> record) {
        Reason reason = reasonToReject(record);
        if (reason != null) {
            metrics.counter("eid.events.rejected", "topic", record.topic(), "reason", reason.name())
                    .increment();
            Log.warnf(
                    "rejected record %s-%d@%d: %s (type %s, source %s)",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    reason,
                    printable(header(record, CloudEventHeaders.TYPE)),
                    printable(header(record, CloudEventHeaders.SOURCE)));
            throw new UntrustedRecordException(reason);
        }
    }

    private Reason reasonToReject(ConsumerRecord<String, String> record) {
        Producer producer = bySource.get(String.valueOf(header(record, CloudEventHeaders.SOURCE)));
        if (producer == null) {
            return Reason.UNKNOWN_SOURCE;
        }
        if (!producer.types().contains(String.valueOf(header(record, CloudEventHeaders.TYPE)))) {
            return Reason.TYPE_NOT_FROM_SOURCE;
        }
        EventVerifier.Verdict verdict = KafkaRecordSignatures.verify(producer.verifier(), record);
        return verdict.verified() ? null : verdict.reason();
    }

    /** Reads the trusted producers; a producer without a usable key stops the service at start. */
    static Map<String, Producer> load(EventTrustConfig config) {
        Map<String, Producer> out = new HashMap<>();
        config.trust().forEach((name, p) -> {
            List<String> pems = p.keys().orElse(List.of()).stream()
                    .filter(k -> !k.isBlank())
                    .toList();
            if (pems.isEmpty()) {
                throw new IllegalStateException("eid.events.trust." + name + ".keys is empty: no record from "
                        + p.source() + " could be verified. Configure the public key(s) " + name
                        + " signs its events with");
            }
            List<PublicKey> keys = pems.stream().map(EventKeys::publicKey).toList();
            if (out.containsKey(p.source())) {
                throw new IllegalStateException("eid.events.trust." + name + ": another trusted producer already has"
                        + " source " + p.source());
            }
            out.put(p.source(), new Producer(name, Set.copyOf(p.types()), new EventVerifier(keys)));
            Log.infof(
                    "records from %s (%s) are verified with key(s) %s",
                    p.source(), name, out.get(p.source()).verifier().keyIds());
        });
        return Map.copyOf(out);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.text(record.headers(), name);
    }

    /** Attacker-controlled text for a log line: short, and nothing that could forge another line. */
    static String printable(String s) {
        if (s == null) {
            return "-";
        }
        String head = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return head.replaceAll("[^A-Za-z0-9._:/-]", "?");
    }
}
