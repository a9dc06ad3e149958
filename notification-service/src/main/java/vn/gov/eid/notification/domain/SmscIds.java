package vn.gov.eid.notification.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SMSC message ids as receipts are matched on. SMSCs differ in how a delivery receipt quotes the id their
 * submit_sm_resp gave: as given, in decimal where the response was hex, or in hex where it was decimal. Which one is
 * a property of the SMSC, set in {@code eid.sms.smpp.receipt-id} (Kannel's msg-id-type): guessing both readings would
 * match a receipt to another message whose id happens to be the other reading.
 */
public final class SmscIds {

    /** How a receipt quotes the id of the submit_sm_resp. */
    public enum Notation {
        /** As the response gave it (case and leading zeros aside). */
        AS_SUBMITTED,
        /** The response gave it in hex, the receipt gives it in decimal. */
        DECIMAL,
        /** The response gave it in decimal, the receipt gives it in hex. */
        HEX
    }

    /** Longest number converted: an SMSC id is at most 65 octets; 40 digits are far more than any SMSC uses. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,40}");

    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,40}");

    private SmscIds() {}

    /** The id compared case-insensitively and without leading zeros ("00A1F" and "a1f" are one id). */
    public static String key(String id) {
        String lower = id.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < lower.length() - 1 && lower.charAt(i) == '0') {
            i++;
        }
        return lower.substring(i);
    }

    /**
     * The key of the submit a receipt id names, given how the SMSC quotes it; an id that is not a number of the
     * expected notation is taken as it is.
     */
    public static String submitKey(String receiptId, Notation notation) {
        String key = key(receiptId);
        return switch (notation) {
            case AS_SUBMITTED -> key;
            case DECIMAL -> DECIMAL.matcher(key).matches() ? new BigInteger(key, 10).toString(16) : key;
            case HEX -> HEX.matcher(key).matches() ? new BigInteger(key, 16).toString(10) : key;
        };
    }
}
