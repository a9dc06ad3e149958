package vn.gov.eid.notification.domain;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renders the text of each purpose (Vietnamese without diacritics, so one GSM-7 segment) and encodes it for
 * SMPP: GSM 03.38 default alphabet when every character fits, UCS-2 otherwise, with the segment count.
 */
public final class SmsText {

    /** GSM 03.38 default alphabet; the index is the septet. */
    private static final String GSM_BASIC =
            "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5"
                    + "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u001b\u00c6\u00e6\u00df\u00c9"
                    + " !\"#\u00a4%&'()*+,-./0123456789:;<=>?"
                    + "\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7"
                    + "\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";
    /** Extension table characters (sent as ESC + septet) and their septets. */
    private static final String GSM_EXT_CHARS = "\f^{}\\[~]|\u20ac";

    private static final byte[] GSM_EXT_SEPTETS = {0x0a, 0x14, 0x28, 0x29, 0x2f, 0x3c, 0x3d, 0x3e, 0x40, 0x65};

    private SmsText() {}

    /** The encoded message: octets for short_message / message_payload, SMPP data_coding and segment count. */
    public record Encoded(byte[] octets, byte dataCoding, String encoding, int segments) {
        @Override
        public String toString() {
            return "Encoded[" + encoding + ", " + segments + " segment(s)]";
        }
    }

    /**
     * Renders the text of a purpose; {@code password} (the temporary password, or the code of RECOVERY_CODE) may be
     * null for purposes without one.
     */
    public static String render(Purpose purpose, String personalIdNumber, Map<String, String> params, String password) {
        String fullName = params.getOrDefault("fullName", "").trim();
        return switch (purpose) {
            case INITIAL_CREDENTIAL ->
                "Tai khoan dinh danh dien tu cua " + fullName + " da duoc tao. Ten dang nhap: "
                        + personalIdNumber + ". Mat khau tam thoi: " + requirePassword(password)
                        + " . Doi mat khau khi dang nhap lan dau.";
            case CREDENTIAL_RESET ->
                "Mat khau tai khoan dinh danh dien tu " + personalIdNumber
                        + " da duoc cap lai. Mat khau tam thoi: " + requirePassword(password)
                        + " . Doi mat khau khi dang nhap.";
            case UPGRADE_NOTICE ->
                "Tai khoan dinh danh dien tu cua " + fullName + " (" + personalIdNumber + ") da duoc nang len muc "
                        + params.getOrDefault("level", "2") + ".";
            case PHONE_LINKED ->
                "So dien thoai nay da duoc gan voi tai khoan dinh danh dien tu " + personalIdNumber
                        + ". Neu khong phai ban yeu cau, hay lien he co quan Cong an.";
            case PHONE_UNLINKED ->
                "So dien thoai nay khong con gan voi tai khoan dinh danh dien tu " + personalIdNumber
                        + ". Neu khong phai ban yeu cau, hay lien he co quan Cong an.";
            case RECOVERY_CODE ->
                "Ma xac thuc tai khoan dinh danh dien tu " + personalIdNumber + ": " + requirePassword(password)
                        + " . Ma dung mot lan trong it phut. Khong chia se ma nay voi bat ky ai.";
        };
    }

    private static String requirePassword(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("the sealed part carries no password");
        }
        return password;
    }

    /** GSM-7 (data_coding 0, one septet per octet as SMPP sends it) when possible, else UCS-2 (data_coding 8). */
    public static Encoded encode(String text) {
        byte[] septets = new byte[text.length() * 2];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = GSM_BASIC.indexOf(c);
            if (basic >= 0 && c != '\u001b') {
                septets[n++] = (byte) basic;
                continue;
            }
            int ext = GSM_EXT_CHARS.indexOf(c);
            if (ext < 0) {
                byte[] ucs2 = text.getBytes(StandardCharsets.UTF_16BE);
                int units = ucs2.length / 2;
                return new Encoded(ucs2, (byte) 0x08, "UCS2", units <= 70 ? 1 : (units + 66) / 67);
            }
            septets[n++] = 0x1b;
            septets[n++] = GSM_EXT_SEPTETS[ext];
        }
        byte[] octets = java.util.Arrays.copyOf(septets, n);
        return new Encoded(octets, (byte) 0x00, "GSM7", n <= 160 ? 1 : (n + 152) / 153);
    }
}
