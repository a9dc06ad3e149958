package vn.gov.eid.smsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The fault state record: its defaults, its checks and how counters run down. */
class FaultModesTest {

    @Test
    void noneIsAWellBehavedSmsc() {
        assertEquals(new FaultModes(0, 0, 0, 0, 0, 0, false, "DELIVRD"), FaultModes.none());
    }

    @Test
    void aMissingReceiptStateMeansDelivered() {
        assertEquals("DELIVRD", new FaultModes(0, 0, 0, 0, 0, 0, false, null).receiptStat());
        assertEquals("DELIVRD", new FaultModes(0, 0, 0, 0, 0, 0, false, " ").receiptStat());
    }

    @Test
    void aNegativeReceiptDelayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FaultModes(0, 0, 0, 0, 0, -1, false, "DELIVRD"));
        assertThrows(IllegalArgumentException.class, () -> FaultModes.none().withReceiptDelayMillis(-5));
    }

    @Test
    void countersRunDownToZeroAndAlwaysStays() {
        assertEquals(1, FaultModes.decrement(2));
        assertEquals(0, FaultModes.decrement(1));
        assertEquals(0, FaultModes.decrement(0));
        assertEquals(FaultModes.ALWAYS, FaultModes.decrement(FaultModes.ALWAYS));
    }

    @Test
    void eachWitherChangesOneMember() {
        FaultModes f = FaultModes.none()
                .withThrottleNext(2)
                .withReject(3, 11)
                .withDropNext(1)
                .withDropAfterAcceptNext(4)
                .withReceiptDelayMillis(500)
                .withWithholdReceipts(true)
                .withReceiptStat("UNDELIV");
        assertEquals(new FaultModes(2, 3, 11, 1, 4, 500, true, "UNDELIV"), f);
    }
}
