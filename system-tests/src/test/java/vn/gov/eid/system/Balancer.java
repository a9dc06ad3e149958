package vn.gov.eid.system;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A client-side load balancer over the replicas of one service, as a deployment's balancer would be: requests go
 * round-robin, and a replica that does not answer (refused or broken connection, 502/503/504) is skipped for the next
 * one, until one answers or the time runs out.
 */
final class Balancer {

    private final String service;
    private final List<String> urls;
    private final Duration giveUpAfter;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();

    Balancer(String service, List<String> urls, Duration giveUpAfter) {
        this.service = service;
        this.urls = List.copyOf(urls);
        this.giveUpAfter = giveUpAfter;
    }

    /**
     * Sends a request to a replica (the function gets its base address) and returns the first real answer.
     *
     * @throws IllegalStateException when no replica answered within the time
     */
    Response call(String what, Function<String, Response> request) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        int first = Math.floorMod(next.getAndIncrement(), urls.size());
        String lastFailure = "";
        for (int attempt = 0; ; attempt++) {
            String url = urls.get((first + attempt) % urls.size());
            try {
                Response r = request.apply(url);
                int status = r.statusCode();
                if (status != 502 && status != 503 && status != 504) {
                    return r;
                }
                lastFailure = url + " answered " + status;
            } catch (Exception e) {
                // a killed replica refuses connections or breaks the one in use (RestAssured rethrows IOExceptions)
                lastFailure = url + ": " + e;
            }
            skipped.incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service + " " + what + ": no replica answered within "
                        + giveUpAfter.toSeconds() + " s; last: " + lastFailure);
            }
            if ((attempt + 1) % urls.size() == 0) {
                // every replica failed once: let them recover before the next round
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
        }
    }

    /** How many times a replica was skipped because it did not answer. */
    int skipped() {
        return skipped.get();
    }
}
