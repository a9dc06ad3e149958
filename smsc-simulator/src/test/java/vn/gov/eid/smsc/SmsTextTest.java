package vn.gov.eid.smsc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** short_message octets to text, for each data_coding the simulator understands. */
class SmsTextTest {

    /** GSM 03.38: '@' = 0x00, '£' = 0x01, '$' = 0x02, '_' = 0x11, ESC 0x28 = '{', ESC 0x65 = '€'. */
    private static final byte[] GSM = {'P', 'w', ':', 0x00, 0x01, 0x02, 0x11, 0x1b, 0x28, 0x1b, 0x65, '9'};

    private static final String GSM_TEXT = "Pw:@\u00a3$_{\u20ac9";

    @Test
    void defaultAlphabetIsGsm7OneSeptetPerOctet() {
        assertEquals(GSM_TEXT, SmsText.decode((byte) 0x00, false, GSM));
    }

    @Test
    void gsm7ExtensionTable() {
        byte[] extended = {
            0x1b, 0x0a, 0x1b, 0x14, 0x1b, 0x29, 0x1b, 0x2f, 0x1b, 0x3c, 0x1b, 0x3d, 0x1b, 0x3e, 0x1b, 0x40
        };
        assertEquals("\f^}\\[~]|", SmsText.decode((byte) 0x00, false, extended));
        assertEquals(" ", SmsText.decode((byte) 0x00, false, new byte[] {0x1b, 0x41}), "unknown extension: a space");
        assertEquals("a\u001b", SmsText.decode((byte) 0x00, false, new byte[] {'a', 0x1b}), "a lone escape at the end");
    }

    @Test
    void gsm7IgnoresTheEighthBit() {
        assertEquals("A@", SmsText.decode((byte) 0x00, false, new byte[] {(byte) 0xc1, (byte) 0x80}));
    }

    @Test
    void ucs2IsUtf16BigEndian() {
        String vietnamese = "Mật khẩu tạm thời";
        assertEquals(vietnamese, SmsText.decode((byte) 0x08, false, vietnamese.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void asciiAndLatin1() {
        assertEquals("Abc 123", SmsText.decode((byte) 0x01, false, "Abc 123".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("Café", SmsText.decode((byte) 0x03, false, "Café".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(
                "Café",
                SmsText.decode((byte) 0x04, false, "Café".getBytes(StandardCharsets.ISO_8859_1)),
                "8-bit data shown as Latin-1");
    }

    @Test
    void generalDataCodingWithMessageClassTakesTheAlphabetFromBits3And2() {
        assertEquals(GSM_TEXT, SmsText.decode((byte) 0x11, false, GSM), "class 1, GSM 7-bit");
        assertEquals("Café", SmsText.decode((byte) 0x15, false, "Café".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("Mật", SmsText.decode((byte) 0x19, false, "Mật".getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(
                "Mật",
                SmsText.decode((byte) 0x48, false, "Mật".getBytes(StandardCharsets.UTF_16BE)),
                "automatic deletion group");
    }

    @Test
    void dataCodingGroupF() {
        assertEquals(GSM_TEXT, SmsText.decode((byte) 0xf0, false, GSM));
        assertEquals("Café", SmsText.decode((byte) 0xf4, false, "Café".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void otherCodingGroupsAreShownAsLatin1() {
        assertEquals("Café", SmsText.decode((byte) 0xc0, false, "Café".getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void userDataHeaderIsSkipped() {
        byte[] concatenated = {0x05, 0x00, 0x03, 0x2a, 0x02, 0x01, 'a', 'b', 'c'};
        assertEquals("abc", SmsText.decode((byte) 0x00, true, concatenated));
        assertEquals("", SmsText.decode((byte) 0x00, true, new byte[] {0x05, 0x00, 0x03}), "header longer than body");
        assertEquals(
                "\u0005\u0000\u0003*\u0002\u0001abc",
                SmsText.decode((byte) 0x03, false, concatenated),
                "without udhi the header is text");
    }

    @Test
    void noOctetsIsEmptyText() {
        assertEquals("", SmsText.decode((byte) 0x00, false, null));
        assertEquals("", SmsText.decode((byte) 0x08, true, new byte[0]));
    }
}
