package vn.gov.eid.identity.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Request counts per key (client address) in fixed one-minute windows: the arithmetic of the token rate limit. */
final class MinuteWindows {

    private static final long MINUTE_MS = 60_000;

    /** Per key: {window number, requests in it}. */
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    /**
     * Counts one request of the key at the given time. Returns 0 while the key has made at most {@code limit}
     * requests in the current window, otherwise the whole seconds (at least 1) until the next window starts.
     */
    long retryAfter(String key, long nowMillis, int limit) {
        long window = nowMillis / MINUTE_MS;
        long[] counter = windows.compute(key, (k, c) -> {
            if (c == null || c[0] != window) {
                return new long[] {window, 1};
            }
            c[1]++;
            return c;
        });
        if (counter[1] <= limit) {
            return 0;
        }
        return Math.max(1, ((window + 1) * MINUTE_MS - nowMillis + 999) / 1000);
    }

    /** Forgets the counts of windows that ended before the one of the given time. */
    void forgetBefore(long nowMillis) {
        long current = nowMillis / MINUTE_MS;
        windows.values().removeIf(c -> c[0] < current);
    }

    /** How many keys have a count (tests). */
    int size() {
        return windows.size();
    }
}
