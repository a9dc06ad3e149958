package vn.gov.eid.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The readiness check "outbox": the backlog's figures as data, DOWN only while the oldest unpublished row is older
 * than {@code eid.outbox.ready-max-age}. Quarantined rows show but never make the service unready: every replica
 * would go unready at once for a row no replica can send.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    @Inject
    OutboxBacklog backlog;

    @Inject
    OutboxConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox");
        OutboxBacklog.Figures f;
        try {
            f = backlog.figures();
        } catch (RuntimeException e) {
            // the datasource check says why; this one says the backlog is unknown
            return response.down()
                    .withData("error", "outbox figures unavailable")
                    .build();
        }
        long maxAge = config.readyMaxAge().toSeconds();
        return response.status(f.oldestUnpublishedAgeSeconds() <= maxAge)
                .withData("unpublished", f.unpublished())
                .withData("oldestUnpublishedAgeSeconds", f.oldestUnpublishedAgeSeconds())
                .withData("readyMaxAgeSeconds", maxAge)
                .withData("quarantined", f.quarantined())
                .build();
    }
}
