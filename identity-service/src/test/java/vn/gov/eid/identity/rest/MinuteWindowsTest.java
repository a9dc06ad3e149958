package vn.gov.eid.identity.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The fixed one-minute windows of the token rate limit (plain JUnit). */
class MinuteWindowsTest {

    /** The start of some minute, in milliseconds since the epoch. */
    private static final long MINUTE = 29_000_000L * 60_000;

    private final MinuteWindows windows = new MinuteWindows();

    @Test
    void theRequestAfterTheLimitWaitsForTheNextWindow() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, windows.retryAfter("203.0.113.7", MINUTE + 1_000 * i, 3));
        }
        assertEquals(57, windows.retryAfter("203.0.113.7", MINUTE + 3_000, 3));
        assertEquals(28, windows.retryAfter("203.0.113.7", MINUTE + 32_500, 3), "partial seconds round up");
        assertEquals(1, windows.retryAfter("203.0.113.7", MINUTE + 59_999, 3), "never less than one second");
        assertEquals(0, windows.retryAfter("198.51.100.23", MINUTE + 59_999, 3), "another address has its own count");
        assertEquals(0, windows.retryAfter("203.0.113.7", MINUTE + 60_000, 3), "a new window starts from zero");
    }

    @Test
    void aWindowStartsAtTheMinuteNotAtTheFirstRequest() {
        assertEquals(0, windows.retryAfter("a", MINUTE + 59_000, 1));
        assertEquals(1, windows.retryAfter("a", MINUTE + 59_000, 1));
        assertEquals(0, windows.retryAfter("a", MINUTE + 60_001, 1));
        assertEquals(60, windows.retryAfter("a", MINUTE + 60_001, 1));
    }

    @Test
    void countsOfEndedWindowsAreForgotten() {
        windows.retryAfter("old", MINUTE + 10_000, 5);
        windows.retryAfter("current", MINUTE + 61_000, 5);
        windows.forgetBefore(MINUTE + 61_000);
        assertEquals(1, windows.size());
        windows.forgetBefore(MINUTE + 120_000);
        assertEquals(0, windows.size());
    }
}
