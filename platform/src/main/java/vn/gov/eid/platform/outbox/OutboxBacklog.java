package vn.gov.eid.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * What waits in the outbox, as Micrometer gauges (eid.outbox.unpublished, eid.outbox.oldest.unpublished.age in
 * seconds, eid.outbox.quarantined; no tags: nothing personal) and for the readiness check. The figures are read by
 * two index-backed queries at most once a second, however many gauges, scrapes and probes ask.
 */
@ApplicationScoped
public class OutboxBacklog {

    /** How long figures are reused: a scrape reads three gauges, probes come from every replica's kubelet. */
    private static final long FRESH_NANOS = Duration.ofSeconds(1).toNanos();

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry metrics;

    private record Reading(Figures figures, long readAtNanos) {}

    private volatile Reading last;

    /**
     * The outbox's figures.
     *
     * @param unpublished                 rows waiting to be published, quarantined ones not included
     * @param oldestUnpublishedAgeSeconds age of the oldest of them, 0 when none waits
     * @param quarantined                 rows set aside after failing by themselves, waiting for an operator
     */
    public record Figures(long unpublished, long oldestUnpublishedAgeSeconds, long quarantined) {}

    /** The figures, at most a second old. */
    public Figures figures() {
        Reading r = last;
        if (r == null || System.nanoTime() - r.readAtNanos() > FRESH_NANOS) {
            synchronized (this) {
                r = last;
                if (r == null || System.nanoTime() - r.readAtNanos() > FRESH_NANOS) {
                    r = new Reading(read(), System.nanoTime());
                    last = r;
                }
            }
        }
        return r.figures();
    }

    private Figures read() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // both on the partial indexes of V1_1: the pending rows and the (few) quarantined ones
            Object[] pending = (Object[]) em.createNativeQuery("select count(*),"
                            + " coalesce(floor(extract(epoch from now() - min(created_at))), 0)"
                            + " from outbox_event where published_at is null and quarantined_at is null")
                    .getSingleResult();
            Number quarantined =
                    (Number) em.createNativeQuery("select count(*) from outbox_event where quarantined_at is not null")
                            .getSingleResult();
            return new Figures(
                    ((Number) pending[0]).longValue(),
                    Math.max(0, ((Number) pending[1]).longValue()),
                    quarantined.longValue());
        });
    }

    void registerGauges(@Observes StartupEvent event) {
        gauge(
                "eid.outbox.unpublished",
                "rows",
                "Outbox rows waiting to be published (quarantined not included)",
                f -> f.unpublished());
        gauge(
                "eid.outbox.oldest.unpublished.age",
                "seconds",
                "Age of the oldest outbox row waiting to be published",
                f -> f.oldestUnpublishedAgeSeconds());
        gauge(
                "eid.outbox.quarantined",
                "rows",
                "Outbox rows set aside after failing by themselves",
                f -> f.quarantined());
    }

    private void gauge(String name, String unit, String description, ToDoubleFunction<Figures> figure) {
        // a failed read (database away) makes Micrometer report NaN for the scrape
        Gauge.builder(name, this, backlog -> figure.applyAsDouble(backlog.figures()))
                .baseUnit(unit)
                .description(description)
                .strongReference(true)
                .register(metrics);
    }
}
