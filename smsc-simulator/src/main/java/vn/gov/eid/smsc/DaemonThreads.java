package vn.gov.eid.smsc;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread factories for the simulator's workers: daemon threads (a test's simulator never holds its JVM open) with
 * readable names. The simulator does not depend on the platform module, so this mirrors the platform's helper.
 */
final class DaemonThreads {

    private DaemonThreads() {}

    /** Every thread gets exactly this name. */
    static ThreadFactory named(String name) {
        return r -> daemon(r, name);
    }

    /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
    static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> daemon(r, prefix + "-" + n.incrementAndGet());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
