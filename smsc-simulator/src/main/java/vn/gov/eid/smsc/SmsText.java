package vn.gov.eid.smsc;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes the short_message octets of a submit_sm into text, as a handset would show it.
 */
final class SmsText {

    /** GSM 03.38 default alphabet, one septet per octet (the SMPP "unpacked" form). */
    private static final String GSM_BASIC =
            "@\u00a3$\u00a5\u00e8\u00e9\u00f9\u00ec\u00f2\u00c7\n\u00d8\u00f8\r\u00c5\u00e5"
                    + "\u0394_\u03a6\u0393\u039b\u03a9\u03a0\u03a8\u03a3\u0398\u039e\u001b\u00c6\u00e6\u00df\u00c9"
                    + " !\"#\u00a4%&'()*+,-./0123456789:;<=>?"
                    + "\u00a1ABCDEFGHIJKLMNOPQRSTUVWXYZ\u00c4\u00d6\u00d1\u00dc\u00a7"
                    + "\u00bfabcdefghijklmnopqrstuvwxyz\u00e4\u00f6\u00f1\u00fc\u00e0";

    private SmsText() {}

    static String decode(byte dataCoding, boolean udhi, byte[] raw) {
        byte[] body = raw == null ? new byte[0] : raw;
        if (udhi && body.length > 0) {
            int headerLength = (body[0] & 0xff) + 1;
            body = Arrays.copyOfRange(body, Math.min(headerLength, body.length), body.length);
        }
        int coding = dataCoding & 0xff;
        Charset charset = null;
        if ((coding & 0xf0) == 0x00) {
            charset = switch (coding) {
                case 0x00 -> null;
                case 0x01 -> StandardCharsets.US_ASCII;
                case 0x08 -> StandardCharsets.UTF_16BE;
                default -> StandardCharsets.ISO_8859_1;
            };
        } else if ((coding & 0xc0) == 0x40 || (coding & 0xf0) == 0x10) {
            // General data coding group with a message class: alphabet in bits 3..2.
            int alphabet = (coding >> 2) & 0x03;
            charset = alphabet == 0 ? null : alphabet == 2 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1;
        } else if ((coding & 0xf0) == 0xf0) {
            charset = (coding & 0x04) == 0 ? null : StandardCharsets.ISO_8859_1;
        } else {
            charset = StandardCharsets.ISO_8859_1;
        }
        return charset == null ? gsm7(body) : new String(body, charset);
    }

    private static String gsm7(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int s = septets[i] & 0x7f;
            if (s == 0x1b && i + 1 < septets.length) {
                text.append(extension(septets[++i] & 0x7f));
            } else {
                text.append(GSM_BASIC.charAt(s));
            }
        }
        return text.toString();
    }

    private static char extension(int septet) {
        return switch (septet) {
            case 0x0a -> '\f';
            case 0x14 -> '^';
            case 0x28 -> '{';
            case 0x29 -> '}';
            case 0x2f -> '\\';
            case 0x3c -> '[';
            case 0x3d -> '~';
            case 0x3e -> ']';
            case 0x40 -> '|';
            case 0x65 -> '\u20ac';
            default -> ' ';
        };
    }
}
