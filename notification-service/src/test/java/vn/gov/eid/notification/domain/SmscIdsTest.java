package vn.gov.eid.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How SMSC ids are compared: case and leading zeros ignored, decimal and hex notations of one number meet. */
class SmscIdsTest {

    @Test
    void caseAndLeadingZerosDoNotMatter() {
        assertEquals("a1f", SmscIds.key("00A1F"));
        assertEquals("0", SmscIds.key("0000"));
        assertEquals("msg-7", SmscIds.key(" MSG-7 "));
    }

    @Test
    void aDecimalReceiptIdMeetsItsHexSubmitIdAndTheReverse() {
        // 0x1a2b = 6699
        assertTrue(SmscIds.readings("6699").contains(SmscIds.key("1A2B")));
        assertTrue(SmscIds.readings("1A2B").contains(SmscIds.key("6699")));
        assertTrue(SmscIds.readings("0001a2b").contains("6699"));
    }

    @Test
    void anIdThatIsNoNumberHasOnlyItself() {
        assertEquals(Set.of("msg-7"), SmscIds.readings("MSG-7"));
        assertFalse(SmscIds.readings("ff").contains("ff0"));
    }

    @Test
    void aHugeNumericIdIsNotConverted() {
        String huge = "9".repeat(65);
        assertEquals(Set.of(huge), SmscIds.readings(huge), "no 65-digit conversion for an SMSC to force on us");
    }
}
