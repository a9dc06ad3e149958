package vn.gov.eid.identity.service;

import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.platform.concurrent.DaemonThreads;
import vn.gov.eid.platform.error.DomainException;

/**
 * Takes code requests and hands them to a small worker pool, so the caller's answer is given before the pair is even
 * looked up: neither its content nor its timing can tell whether the pair matched an account. A request lost with a
 * stopping replica costs the citizen one more request, never a wrong code.
 */
@ApplicationScoped
public class RecoveryRequests {

    @Inject
    IdentityConfig config;

    @Inject
    RecoveryCodes codes;

    private ThreadPoolExecutor workers;

    @PostConstruct
    void init() {
        workers = new ThreadPoolExecutor(
                2,
                2,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.recovery().queueCapacity()),
                DaemonThreads.numbered("recovery-code"));
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Queues a request (ID number and E.164 number already well-formed); 503 when the queue is full. */
    public void submit(String personalIdNumber, String phone) {
        try {
            workers.execute(() -> {
                try {
                    codes.send(personalIdNumber, phone);
                } catch (RuntimeException e) {
                    Log.warnf("recovery code request for account %s failed: %s", personalIdNumber, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            throw DomainException.unavailable(
                            "recovery-busy", "Service busy", "too many code requests are waiting; retry later")
                    .retryAfter(Duration.ofSeconds(5));
        }
    }
}
