package vn.gov.eid.smsc;

/**
 * The misbehaviour the simulator applies to coming submits and receipts, settable at run time.
 *
 * <p>Counters say how many of the next submit_sm PDUs are affected; {@link #ALWAYS} affects all of them.
 * A submit is checked against drop, then throttle, then reject; the first one that applies wins.
 *
 * @param throttleNext       next submits answered with ESME_RTHROTTLED
 * @param rejectNext         next submits answered with {@code rejectStatus}
 * @param rejectStatus       SMPP command status for rejected submits (e.g. 11 = ESME_RINVDSTADR)
 * @param dropNext           next submits on which the connection is closed without any answer, message not accepted
 * @param dropAfterAcceptNext next submits that are accepted (stored, delivered to the handset) and then the
 *                           connection is closed before submit_sm_resp: the ESME cannot know the message went out
 * @param receiptDelayMillis delay between submit_sm_resp and the delivery receipt
 * @param withholdReceipts   when true no delivery receipt is sent at all
 * @param receiptStat        final state reported by receipts: DELIVRD, UNDELIV, EXPIRED, REJECTD, ...
 */
public record FaultModes(
        int throttleNext,
        int rejectNext,
        int rejectStatus,
        int dropNext,
        int dropAfterAcceptNext,
        long receiptDelayMillis,
        boolean withholdReceipts,
        String receiptStat) {

    /** Counter value meaning "every submit from now on". */
    public static final int ALWAYS = -1;

    public FaultModes {
        if (receiptStat == null || receiptStat.isBlank()) {
            receiptStat = "DELIVRD";
        }
        if (receiptDelayMillis < 0) {
            throw new IllegalArgumentException("receiptDelayMillis must be >= 0");
        }
    }

    /** A well-behaved SMSC. */
    public static FaultModes none() {
        return new FaultModes(0, 0, 0, 0, 0, 0, false, "DELIVRD");
    }

    FaultModes withThrottleNext(int n) {
        return new FaultModes(
                n,
                rejectNext,
                rejectStatus,
                dropNext,
                dropAfterAcceptNext,
                receiptDelayMillis,
                withholdReceipts,
                receiptStat);
    }

    FaultModes withReject(int n, int status) {
        return new FaultModes(
                throttleNext,
                n,
                status,
                dropNext,
                dropAfterAcceptNext,
                receiptDelayMillis,
                withholdReceipts,
                receiptStat);
    }

    FaultModes withDropNext(int n) {
        return new FaultModes(
                throttleNext,
                rejectNext,
                rejectStatus,
                n,
                dropAfterAcceptNext,
                receiptDelayMillis,
                withholdReceipts,
                receiptStat);
    }

    FaultModes withDropAfterAcceptNext(int n) {
        return new FaultModes(
                throttleNext, rejectNext, rejectStatus, dropNext, n, receiptDelayMillis, withholdReceipts, receiptStat);
    }

    FaultModes withReceiptDelayMillis(long millis) {
        return new FaultModes(
                throttleNext,
                rejectNext,
                rejectStatus,
                dropNext,
                dropAfterAcceptNext,
                millis,
                withholdReceipts,
                receiptStat);
    }

    FaultModes withWithholdReceipts(boolean withhold) {
        return new FaultModes(
                throttleNext,
                rejectNext,
                rejectStatus,
                dropNext,
                dropAfterAcceptNext,
                receiptDelayMillis,
                withhold,
                receiptStat);
    }

    FaultModes withReceiptStat(String stat) {
        return new FaultModes(
                throttleNext,
                rejectNext,
                rejectStatus,
                dropNext,
                dropAfterAcceptNext,
                receiptDelayMillis,
                withholdReceipts,
                stat);
    }

    static int decrement(int counter) {
        return counter == ALWAYS ? ALWAYS : Math.max(0, counter - 1);
    }
}
