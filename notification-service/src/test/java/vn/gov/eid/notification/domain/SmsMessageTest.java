package vn.gov.eid.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** lastError and its category are written together, the text cut to its column. */
class SmsMessageTest {

    @Test
    void aFailureSetsTheCategoryAndTheTextCutTo300Characters() {
        SmsMessage m = new SmsMessage();
        m.recordFailure(FailureCategory.REJECTED, "REJECTED: " + "x".repeat(400));
        assertEquals(FailureCategory.REJECTED, m.failureCategory);
        assertEquals(300, m.lastError.length());
        assertEquals("REJECTED: xxx", m.lastError.substring(0, 13));

        m.recordFailure(FailureCategory.THROTTLED, "THROTTLED: SMSC status 0x00000058");
        assertEquals("THROTTLED: SMSC status 0x00000058", m.lastError);
    }

    @Test
    void clearingForgetsBoth() {
        SmsMessage m = new SmsMessage();
        m.recordFailure(FailureCategory.SUBMIT_INTERRUPTED, "SUBMIT_INTERRUPTED: stopped");
        m.clearFailure();
        assertNull(m.lastError);
        assertNull(m.failureCategory);
    }
}
