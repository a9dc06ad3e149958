package vn.gov.eid.identity.service;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import javax.sql.DataSource;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.platform.error.DomainException;

/**
 * The login limits that do not belong to one account, kept as token buckets in PostgreSQL (Bucket4j), so every replica
 * counts the same: failed logins per client address (a flood of wrong guesses from one address is refused with 429
 * while other addresses, and that address's next window, go on), and a global ceiling on token requests. Rows of quiet
 * addresses expire and are removed every minute, so attackers cannot grow the table without bound.
 *
 * <p>Called outside any database transaction: Bucket4j commits on its own connection.
 */
@ApplicationScoped
public class LoginThrottle {

    static final String GLOBAL = "global";

    @Inject
    IdentityConfig config;

    @Inject
    DataSource dataSource;

    private PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private BucketConfiguration addressFailures;
    private BucketConfiguration global;
    private BucketConfiguration addressRequests;
    private BucketConfiguration endpointCeiling;

    @PostConstruct
    void init() {
        buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("login_throttle")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(5)))
                .build();
        IdentityConfig.Login login = config.login();
        addressFailures = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(login.addressFailures())
                        .refillGreedy(login.addressFailures(), login.addressWindow())
                        .build())
                .build();
        addressRequests = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(login.addressRequestsPerMinute())
                        .refillGreedy(login.addressRequestsPerMinute(), Duration.ofMinutes(1))
                        .build())
                .build();
        endpointCeiling = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(login.otherEndpointsPerSecond())
                        .refillGreedy(login.otherEndpointsPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
        global = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(login.globalPerSecond())
                        .refillGreedy(login.globalPerSecond(), Duration.ofSeconds(1))
                        .build())
                .build();
    }

    /**
     * Lets a request to an endpoint that checks no password through (code requests, revocation), or refuses it (429
     * with Retry-After): at most address-requests-per-minute from one address, then at most
     * other-endpoints-per-second for the endpoint from everyone. The address is counted first, so a flood from one
     * address does not spend what everyone else needs; neither touches the logins' own limits.
     */
    public void admitRequest(String endpoint, String address) {
        ConsumptionProbe own = buckets.builder()
                .build(endpoint + ":" + addressKey(address), addressRequests)
                .tryConsumeAndReturnRemaining(1);
        if (!own.isConsumed()) {
            throw tooMany("too many requests from this address", own.getNanosToWaitForRefill());
        }
        ConsumptionProbe all = buckets.builder()
                .build(endpoint + ":" + GLOBAL, endpointCeiling)
                .tryConsumeAndReturnRemaining(1);
        if (!all.isConsumed()) {
            throw tooMany(
                    "the service takes more of these requests than it can handle right now",
                    all.getNanosToWaitForRefill());
        }
    }

    /**
     * Lets a token request through, or refuses it (429 with Retry-After) when the service takes more token requests
     * than its global ceiling or the address has used up its failed logins.
     */
    public void admit(String address) {
        // the address first, without using anything up: a flood from one refused address must not spend the ceiling
        // that every other citizen's login needs
        EstimationProbe failures =
                buckets.builder().build(addressKey(address), addressFailures).estimateAbilityToConsume(1);
        if (!failures.canBeConsumed()) {
            throw tooMany("too many failed logins from this address", failures.getNanosToWaitForRefill());
        }
        ConsumptionProbe ceiling = buckets.builder().build(GLOBAL, global).tryConsumeAndReturnRemaining(1);
        if (!ceiling.isConsumed()) {
            throw tooMany(
                    "the service takes more login requests than it can check right now",
                    ceiling.getNanosToWaitForRefill());
        }
    }

    /** Counts a failed login (wrong credentials) of the address. */
    public void failed(String address) {
        buckets.builder().build(addressKey(address), addressFailures).tryConsume(1);
    }

    /** Removes the buckets of addresses that have been quiet long enough to be full again. */
    @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpired() {
        int removed;
        int total = 0;
        do {
            removed = buckets.removeExpired(1000);
            total += removed;
        } while (removed == 1000);
        if (total > 0) {
            Log.debugf("login limits: %d idle address bucket(s) removed", total);
        }
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    private static DomainException tooMany(String detail, long nanosToWait) {
        return DomainException.rateLimited("too-many-requests", "Too many requests", detail + "; retry later")
                .retryAfter(Duration.ofNanos(Math.max(nanosToWait, 1)));
    }
}
