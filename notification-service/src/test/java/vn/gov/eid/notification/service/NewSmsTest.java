package vn.gov.eid.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.gov.eid.notification.domain.Purpose;

/** What the intake refuses; the reason is what the consumer's dead-letter record carries. */
class NewSmsTest {

    private static final UUID ID = UUID.randomUUID();

    private static String refusal(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void aCompleteRequestIsTaken() {
        NewSms sms = new NewSms(ID, "001203012345", Purpose.PHONE_LINKED, "+84******678", null, null, "jwe");
        assertEquals(Map.of(), sms.templateParams(), "no parameters: an empty object");
        assertFalse(sms.toString().contains("001203012345") || sms.toString().contains("jwe"), sms.toString());
    }

    @Test
    void missingIdPurposeOrSecretIsRefused() {
        String reason = "SMS request lacks requestId, purpose or sealed";
        assertEquals(
                reason, refusal(() -> new NewSms(null, "001203012345", Purpose.PHONE_LINKED, "+84", null, null, "j")));
        assertEquals(reason, refusal(() -> new NewSms(ID, "001203012345", null, "+84", null, null, "j")));
        assertEquals(
                reason, refusal(() -> new NewSms(ID, "001203012345", Purpose.PHONE_LINKED, "+84", null, null, " ")));
        assertEquals(
                reason, refusal(() -> new NewSms(ID, "001203012345", Purpose.PHONE_LINKED, "+84", null, null, null)));
    }

    @Test
    void anIdNumberOtherThanTwelveDigitsIsRefused() {
        for (String pid : new String[] {null, "12345678901", "1234567890123", "12345678901x"}) {
            assertEquals(
                    "SMS request without a 12-digit personalIdNumber",
                    refusal(() -> new NewSms(ID, pid, Purpose.PHONE_LINKED, "+84", null, null, "j")),
                    pid);
        }
    }

    @Test
    void aMissingMaskedPhoneIsRefused() {
        assertEquals(
                "SMS request without phoneMasked",
                refusal(() -> new NewSms(ID, "001203012345", Purpose.PHONE_LINKED, " ", null, null, "j")));
    }
}
