package vn.gov.eid.notification.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Texts of each purpose, and the choice of alphabet and segment count at the boundaries of one and two segments. */
class SmsTextTest {

    @ParameterizedTest(name = "{0} GSM-7 septets: {1} segment(s)")
    @CsvSource({"1, 1", "160, 1", "161, 2", "306, 2", "307, 3", "459, 3", "460, 4"})
    void gsm7SegmentsAre160AloneAnd153WhenConcatenated(int length, int segments) {
        SmsText.Encoded e = SmsText.encode("a".repeat(length));
        assertEquals("GSM7", e.encoding());
        assertEquals(0x00, e.dataCoding());
        assertEquals(length, e.octets().length, "one septet per octet");
        assertEquals(segments, e.segments());
    }

    @ParameterizedTest(name = "{0} UCS-2 units: {1} segment(s)")
    @CsvSource({"1, 1", "70, 1", "71, 2", "134, 2", "135, 3", "201, 3", "202, 4"})
    void ucs2SegmentsAre70AloneAnd67WhenConcatenated(int length, int segments) {
        SmsText.Encoded e = SmsText.encode("\u1ec5".repeat(length));
        assertEquals("UCS2", e.encoding());
        assertEquals(0x08, e.dataCoding());
        assertEquals(2 * length, e.octets().length);
        assertEquals(segments, e.segments());
    }

    @Test
    void vietnameseDiacriticsNeedUcs2AndKeepEveryLetter() {
        String name = "Nguy\u1ec5n V\u0103n An \u0110\u1eb7ng Th\u1ecb H\u01b0\u01a1ng";
        SmsText.Encoded e = SmsText.encode(name);
        assertEquals("UCS2", e.encoding());
        assertArrayEquals(name.getBytes(StandardCharsets.UTF_16BE), e.octets());
        assertEquals(name, new String(e.octets(), StandardCharsets.UTF_16BE));
    }

    @Test
    void oneLetterOutsideTheGsmAlphabetTurnsTheWholeTextToUcs2() {
        String ascii = "a".repeat(100);
        assertEquals("GSM7", SmsText.encode(ascii).encoding());
        SmsText.Encoded e = SmsText.encode(ascii + "\u0103");
        assertEquals("UCS2", e.encoding());
        assertEquals(2, e.segments(), "101 units are more than the 70 of one UCS-2 segment");
    }

    @Test
    void gsmLettersWithAccentsStayGsm7AsTheirSeptets() {
        // @ = 0x00, £ = 0x01, é = 0x05, à = 0x7f, Ä = 0x5b in GSM 03.38.
        SmsText.Encoded e = SmsText.encode("@\u00a3\u00e9\u00e0\u00c4A");
        assertEquals("GSM7", e.encoding());
        assertArrayEquals(new byte[] {0x00, 0x01, 0x05, 0x7f, 0x5b, 0x41}, e.octets());
    }

    @Test
    void extensionCharactersTakeTwoSeptets() {
        SmsText.Encoded euro = SmsText.encode("\u20ac[");
        assertArrayEquals(new byte[] {0x1b, 0x65, 0x1b, 0x3c}, euro.octets());
        assertEquals(1, SmsText.encode("\u20ac".repeat(80)).segments(), "80 x 2 = 160 septets");
        assertEquals(2, SmsText.encode("\u20ac".repeat(81)).segments(), "81 x 2 = 162 septets");
    }

    @Test
    void theEscapeCharacterItselfIsNotSentAsGsm7() {
        assertEquals("UCS2", SmsText.encode("a\u001bb").encoding());
    }

    @Test
    void initialCredentialTextIsTheContractText() {
        String text = SmsText.render(
                Purpose.INITIAL_CREDENTIAL, "001203012345", Map.of("fullName", " NGUYEN VAN AN "), "Tmp9x@Q2");
        assertEquals(
                "Tai khoan dinh danh dien tu cua NGUYEN VAN AN da duoc tao. Ten dang nhap: 001203012345."
                        + " Mat khau tam thoi: Tmp9x@Q2 . Doi mat khau khi dang nhap lan dau.",
                text);
        SmsText.Encoded e = SmsText.encode(text);
        assertEquals("GSM7", e.encoding());
        assertEquals(1, e.segments(), "a normal name fits one segment (" + text.length() + " septets)");
    }

    @Test
    void everyPurposeHasItsText() {
        Map<String, String> params = Map.of("fullName", "LE THI HOA", "level", "2");
        assertEquals(
                "Mat khau tai khoan dinh danh dien tu 001203012345 da duoc cap lai. Mat khau tam thoi: P@ss1234"
                        + " . Doi mat khau khi dang nhap.",
                SmsText.render(Purpose.CREDENTIAL_RESET, "001203012345", params, "P@ss1234"));
        assertEquals(
                "Tai khoan dinh danh dien tu cua LE THI HOA (001203012345) da duoc nang len muc 2.",
                SmsText.render(Purpose.UPGRADE_NOTICE, "001203012345", Map.of("fullName", "LE THI HOA"), null));
        assertEquals(
                "So dien thoai nay da duoc gan voi tai khoan dinh danh dien tu 001203012345. Neu khong phai ban"
                        + " yeu cau, hay lien he co quan Cong an.",
                SmsText.render(Purpose.PHONE_LINKED, "001203012345", Map.of(), null));
        assertEquals(
                "So dien thoai nay khong con gan voi tai khoan dinh danh dien tu 001203012345. Neu khong phai ban"
                        + " yeu cau, hay lien he co quan Cong an.",
                SmsText.render(Purpose.PHONE_UNLINKED, "001203012345", Map.of(), null));
        String code = SmsText.render(Purpose.RECOVERY_CODE, "001203012345", Map.of("fullName", "LE THI HOA"), "042917");
        assertEquals(
                "Ma xac thuc tai khoan dinh danh dien tu 001203012345: 042917 . Ma dung mot lan trong it phut. Khong"
                        + " chia se ma nay voi bat ky ai.",
                code);
        assertEquals(1, SmsText.encode(code).segments(), "one GSM-7 segment");
    }

    @Test
    void aNewerPasswordOrCodeOrAPhoneChangeSupersedesTheCredentialsItKills() {
        assertTrue(Purpose.INITIAL_CREDENTIAL.supersededBy().contains(Purpose.CREDENTIAL_RESET));
        assertTrue(Purpose.INITIAL_CREDENTIAL.supersededBy().contains(Purpose.PHONE_UNLINKED));
        assertFalse(
                Purpose.INITIAL_CREDENTIAL.supersededBy().contains(Purpose.RECOVERY_CODE), "a code kills no password");
        assertEquals(List.of(Purpose.RECOVERY_CODE, Purpose.PHONE_UNLINKED), Purpose.RECOVERY_CODE.supersededBy());
        assertTrue(Purpose.PHONE_LINKED.supersededBy().isEmpty());
    }

    @Test
    void aPurposeThatCarriesAPasswordRefusesToRenderWithoutOne() {
        for (Purpose p : Purpose.values()) {
            if (p.carriesPassword()) {
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SmsText.render(p, "001203012345", Map.of("fullName", "A"), null),
                        p.name());
                assertThrows(
                        IllegalArgumentException.class,
                        () -> SmsText.render(p, "001203012345", Map.of("fullName", "A"), ""),
                        p.name());
            }
        }
    }
}
