package vn.gov.eid.platform.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** Background threads never hold the JVM open and say what they are for. */
class DaemonThreadsTest {

    private static final Runnable NOTHING = () -> {};

    @Test
    void namedThreadsAreDaemonsWithExactlyThatName() {
        ThreadFactory factory = DaemonThreads.named("outbox-relay");
        Thread first = factory.newThread(NOTHING);
        Thread second = factory.newThread(NOTHING);
        assertTrue(first.isDaemon());
        assertTrue(second.isDaemon());
        assertEquals("outbox-relay", first.getName());
        assertEquals("outbox-relay", second.getName());
    }

    @Test
    void numberedThreadsAreDaemonsCountedFromOnePerFactory() {
        ThreadFactory pool = DaemonThreads.numbered("sms-dispatch");
        Thread first = pool.newThread(NOTHING);
        Thread second = pool.newThread(NOTHING);
        assertTrue(first.isDaemon());
        assertTrue(second.isDaemon());
        assertEquals("sms-dispatch-1", first.getName());
        assertEquals("sms-dispatch-2", second.getName());
        assertEquals(
                "other-1", DaemonThreads.numbered("other").newThread(NOTHING).getName(), "own counter");
    }

    @Test
    void theThreadRunsTheGivenTask() throws InterruptedException {
        boolean[] ran = new boolean[1];
        Thread t = DaemonThreads.named("t").newThread(() -> ran[0] = true);
        t.start();
        t.join(5_000);
        assertTrue(ran[0]);
    }
}
