package vn.gov.eid.smsc;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DeliveryReceiptState;

/** The fault modes in force and the decision, per submit_sm, of which fault (if any) applies to it. */
final class FaultControl {

    /** What happens to one submit_sm. */
    enum Outcome {
        ACCEPT,
        DROP,
        /** Stored as accepted, then the connection closes before the answer. */
        DROP_AFTER_ACCEPT,
        THROTTLE,
        REJECT
    }

    /** The outcome and, for THROTTLE and REJECT, the command status to answer with. */
    record Decision(Outcome outcome, int status) {}

    private final AtomicReference<FaultModes> modes = new AtomicReference<>(FaultModes.none());
    private volatile long submitResponseDelayMillis;

    FaultModes current() {
        return modes.get();
    }

    void set(FaultModes faults) {
        modes.set(Objects.requireNonNull(faults));
    }

    /** Changes the modes atomically (several threads set and consume them). */
    void update(UnaryOperator<FaultModes> change) {
        modes.updateAndGet(change);
    }

    /** Back to a well-behaved SMSC, also answering submits at once again. */
    void clear() {
        modes.set(FaultModes.none());
        submitResponseDelayMillis = 0;
    }

    void delaySubmitResponses(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("millis must be >= 0");
        }
        submitResponseDelayMillis = millis;
    }

    long submitResponseDelayMillis() {
        return submitResponseDelayMillis;
    }

    /** Sets the final state of coming receipts; refuses a state that jSMPP does not know. */
    void receiptState(String stat) {
        DeliveryReceiptState.valueOf(stat);
        modes.updateAndGet(f -> f.withReceiptStat(stat));
    }

    /**
     * Decides the fate of one submit and counts it against the fault that applies (drop, then drop after accepting,
     * then throttle, then reject).
     */
    Decision decide() {
        AtomicReference<Decision> decision = new AtomicReference<>();
        modes.updateAndGet(f -> {
            if (f.dropNext() != 0) {
                decision.set(new Decision(Outcome.DROP, 0));
                return f.withDropNext(FaultModes.decrement(f.dropNext()));
            }
            if (f.dropAfterAcceptNext() != 0) {
                decision.set(new Decision(Outcome.DROP_AFTER_ACCEPT, 0));
                return f.withDropAfterAcceptNext(FaultModes.decrement(f.dropAfterAcceptNext()));
            }
            if (f.throttleNext() != 0) {
                decision.set(new Decision(Outcome.THROTTLE, SMPPConstant.STAT_ESME_RTHROTTLED));
                return f.withThrottleNext(FaultModes.decrement(f.throttleNext()));
            }
            if (f.rejectNext() != 0) {
                decision.set(new Decision(Outcome.REJECT, f.rejectStatus()));
                return f.withReject(FaultModes.decrement(f.rejectNext()), f.rejectStatus());
            }
            decision.set(new Decision(Outcome.ACCEPT, 0));
            return f;
        });
        return decision.get();
    }
}
