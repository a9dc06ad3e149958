package vn.gov.eid.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vn.gov.eid.notification.domain.SmscIds.Notation;

/** How a receipt id names a submit: case and leading zeros ignored, the SMSC's notation converted, nothing guessed. */
class SmscIdsTest {

    @Test
    void caseAndLeadingZerosDoNotMatter() {
        assertEquals("a1f", SmscIds.key("00A1F"));
        assertEquals("0", SmscIds.key("0000"));
        assertEquals("msg-7", SmscIds.key(" MSG-7 "));
        assertEquals("a1f", SmscIds.submitKey("0a1F", Notation.AS_SUBMITTED));
    }

    @Test
    void aDecimalReceiptIdNamesItsHexSubmitAndTheReverse() {
        // 0x1a2b = 6699
        assertEquals("1a2b", SmscIds.submitKey("6699", Notation.DECIMAL));
        assertEquals("1a2b", SmscIds.submitKey("006699", Notation.DECIMAL));
        assertEquals("6699", SmscIds.submitKey("1A2B", Notation.HEX));
    }

    @Test
    void theNotationIsNotGuessed() {
        // "26" is 0x1a in decimal, but an SMSC that quotes ids as submitted means the submit whose id is 26
        assertEquals("26", SmscIds.submitKey("26", Notation.AS_SUBMITTED));
        assertEquals("1a", SmscIds.submitKey("26", Notation.DECIMAL));
        assertEquals("38", SmscIds.submitKey("26", Notation.HEX));
    }

    @Test
    void anIdThatIsNotANumberOfTheNotationOrIsHugeIsTakenAsItIs() {
        assertEquals("msg-7", SmscIds.submitKey("MSG-7", Notation.DECIMAL));
        assertEquals("xyz", SmscIds.submitKey("xyz", Notation.HEX));
        String huge = "9".repeat(65);
        assertEquals(huge, SmscIds.submitKey(huge, Notation.DECIMAL), "no 65-digit conversion for an SMSC to force");
    }
}
