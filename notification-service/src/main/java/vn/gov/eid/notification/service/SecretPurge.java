package vn.gov.eid.notification.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;

/**
 * Purge: erases the ciphertext of FAILED messages once the retention for operator retries has passed.
 */
@ApplicationScoped
public class SecretPurge {

    @Inject
    SmsConfig config;

    private volatile boolean started;

    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    void onStop(@Observes ShutdownEvent event) {
        started = false;
    }

    @Scheduled(
            every = "${eid.sms.purge-interval}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        if (started) {
            purgeFailedSecrets(Instant.now());
        }
    }

    /**
     * Erases the ciphertext of FAILED messages that failed before {@code now - eid.sms.failed-retention}. The row
     * lock taken by {@link OperatorRetries#retry} makes a concurrent retry and purge see each other's result.
     */
    @Transactional
    public int purgeFailedSecrets(Instant now) {
        int erased = SmsMessage.update(
                "sealed = null where state = ?1 and sealed is not null and finalAt < ?2",
                SmsState.FAILED,
                now.minus(config.failedRetention()));
        if (erased > 0) {
            Log.infof(
                    "ciphertext of %d FAILED SMS erased after the retry retention of %s",
                    erased, config.failedRetention());
        }
        return erased;
    }
}
