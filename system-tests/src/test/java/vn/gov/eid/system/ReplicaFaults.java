package vn.gov.eid.system;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The faults of the replica system test, injected in a fixed order while citizens are being submitted: each step
 * starts once a share of the citizens has been submitted, and submission does not run more than a lead ahead of a step
 * that has not finished, so that every fault meets traffic (an SMSC drop needs a submit to drop, a killed dossier
 * replica requests that find it dead).
 */
final class ReplicaFaults {

    /** How far (share of all citizens) submission may run ahead of an unfinished step. */
    private final double lead;

    /** A fault that may fail (then the run fails too, with the step named). */
    interface Action {
        void run() throws Exception;
    }

    private record Step(String name, double at, Action action, CountDownLatch done) {}

    private final List<Step> steps = new ArrayList<>();
    private final List<String> journal = new CopyOnWriteArrayList<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> stuck = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Faults with the given lead (share of all citizens submission may run ahead of a step not yet done). */
    ReplicaFaults(double lead) {
        this.lead = lead;
    }

    /** Adds a step that starts once the given share (0..1) of the citizens has been submitted; in order of shares. */
    ReplicaFaults step(String name, double at, Action action) {
        if (!steps.isEmpty() && steps.get(steps.size() - 1).at() > at) {
            throw new IllegalArgumentException("steps in order of their share");
        }
        steps.add(new Step(name, at, action, new CountDownLatch(1)));
        return this;
    }

    /** Runs the steps in order on a thread of its own; {@code submitted} tells how many citizens were submitted. */
    Thread start(int citizens, IntSupplier submitted, Duration stepTimeout) {
        Thread t = new Thread(
                () -> {
                    for (Step s : steps) {
                        try {
                            int due = (int) Math.ceil(s.at() * citizens);
                            await().atMost(stepTimeout).until(() -> submitted.getAsInt() >= due);
                            Instant begun = Instant.now();
                            journal.add(begun + " begin " + s.name() + " (" + submitted.getAsInt() + " submitted)");
                            s.action().run();
                            journal.add(Instant.now() + " end   " + s.name() + " ("
                                    + Duration.between(begun, Instant.now()).toMillis() + " ms)");
                        } catch (Exception | AssertionError e) {
                            failures.add(s.name() + ": " + e);
                            journal.add(Instant.now() + " FAILED " + s.name() + ": " + e);
                        } finally {
                            s.done().countDown();
                        }
                    }
                },
                "replica-faults");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Holds the submission of the citizen at the given share until every step due the lead before it is done. A
     * step stuck past the timeout (a pipeline that stopped moving never meets an SMSC fault) no longer holds anyone:
     * submission goes on so that the checks can say what is missing, and the step reports its failure.
     */
    void gate(double share, Duration timeout) throws InterruptedException {
        for (Step s : steps) {
            if (s.at() <= share - lead
                    && !stuck.contains(s.name())
                    && !s.done().await(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    && stuck.add(s.name())) {
                journal.add(Instant.now() + " submission no longer waits for " + s.name());
            }
        }
    }

    /** How many steps there are. */
    int size() {
        return steps.size();
    }

    /** What was injected when (for the report). */
    List<String> journal() {
        return List.copyOf(journal);
    }

    /** Steps that could not be carried out (the run did not meet the faults it claims). */
    List<String> failures() {
        return List.copyOf(failures);
    }
}
