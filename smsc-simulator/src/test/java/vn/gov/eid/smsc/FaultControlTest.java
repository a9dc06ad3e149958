package vn.gov.eid.smsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.Test;
import vn.gov.eid.smsc.FaultControl.Decision;
import vn.gov.eid.smsc.FaultControl.Outcome;

/** Which fault a submit_sm meets, and that each one counts down. */
class FaultControlTest {

    private final FaultControl control = new FaultControl();

    @Test
    void aWellBehavedSmscAcceptsEverySubmit() {
        for (int i = 0; i < 3; i++) {
            assertEquals(new Decision(Outcome.ACCEPT, 0), control.decide());
        }
    }

    @Test
    void dropThenDropAfterAcceptThenThrottleThenReject() {
        control.set(new FaultModes(1, 1, SMPPConstant.STAT_ESME_RINVDSTADR, 1, 1, 0, false, "DELIVRD"));
        assertEquals(Outcome.DROP, control.decide().outcome());
        assertEquals(Outcome.DROP_AFTER_ACCEPT, control.decide().outcome());
        assertEquals(new Decision(Outcome.THROTTLE, SMPPConstant.STAT_ESME_RTHROTTLED), control.decide());
        assertEquals(new Decision(Outcome.REJECT, SMPPConstant.STAT_ESME_RINVDSTADR), control.decide());
        assertEquals(Outcome.ACCEPT, control.decide().outcome());
        assertEquals(FaultModes.none().withReject(0, SMPPConstant.STAT_ESME_RINVDSTADR), control.current());
    }

    @Test
    void alwaysNeverRunsOut() {
        control.update(f -> f.withThrottleNext(FaultModes.ALWAYS));
        for (int i = 0; i < 5; i++) {
            assertEquals(Outcome.THROTTLE, control.decide().outcome());
        }
        assertEquals(FaultModes.ALWAYS, control.current().throttleNext());
    }

    @Test
    void clearEndsFaultsAndSlowResponses() {
        control.update(f -> f.withDropNext(FaultModes.ALWAYS).withWithholdReceipts(true));
        control.delaySubmitResponses(300);
        control.clear();
        assertEquals(FaultModes.none(), control.current());
        assertEquals(0, control.submitResponseDelayMillis());
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThrows(IllegalArgumentException.class, () -> control.delaySubmitResponses(-1));
        assertThrows(IllegalArgumentException.class, () -> control.receiptState("NOPE"));
        assertThrows(NullPointerException.class, () -> control.set(null));
        assertEquals(FaultModes.none(), control.current(), "unchanged");
        control.receiptState("EXPIRED");
        assertEquals("EXPIRED", control.current().receiptStat());
    }
}
