package vn.gov.eid.dossier.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import vn.gov.eid.dossier.config.DossierConfig;
import vn.gov.eid.platform.error.DomainException;

/**
 * The per-client quota of partner lookups: a fixed window per client that starts with its first lookup after the
 * previous window ended. The count lives in PostgreSQL, so every replica counts the same, and it takes one row per
 * partner client, not per request.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PartnerQuota {
    // One atomic statement: a concurrent lookup of the same client waits for this row, never double-counts.
    private static final String COUNT = """
            insert into partner_lookup_quota as q (client_id, window_start, used)
            values (:client, now(), 1)
            on conflict (client_id) do update set
                window_start = case when q.window_start + cast(:window as integer) * interval '1 second' <= now()
                                    then now() else q.window_start end,
                used = case when q.window_start + cast(:window as integer) * interval '1 second' <= now()
                            then 1 else q.used + 1 end
            returning q.used,
                      ceil(extract(epoch from q.window_start + cast(:window as integer) * interval '1 second' - now()))
            """;

    @Inject
    EntityManager em;

    @Inject
    DossierConfig config;

    /**
     * Counts one lookup in the caller's transaction. Over the quota it fails as rate-limited with the seconds left in
     * the window (Retry-After); the rollback takes the count back, so refused lookups do not lengthen the wait.
     */
    public void consume(String clientId) {
        DossierConfig.Partner partner = config.partner();
        long window = Math.max(1, partner.quotaWindow().toSeconds());
        Object[] row = (Object[]) em.createNativeQuery(COUNT)
                .setParameter("client", clientId)
                .setParameter("window", window)
                .getSingleResult();
        int used = ((Number) row[0]).intValue();
        if (used > partner.lookupsPerWindow()) {
            Log.infof("partner client %s: lookup quota used up", clientId);
            long retryAfter = Math.max(1, ((Number) row[1]).longValue());
            throw DomainException.rateLimited(
                            "lookup-quota-exceeded",
                            "Lookup quota used up",
                            "at most " + partner.lookupsPerWindow() + " lookups per " + window
                                    + " s per client; retry after " + retryAfter + " s")
                    .retryAfter(Duration.ofSeconds(retryAfter));
        }
    }
}
