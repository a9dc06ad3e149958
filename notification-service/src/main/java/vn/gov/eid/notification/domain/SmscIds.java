package vn.gov.eid.notification.domain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * SMSC message ids as receipts are matched on. SMSCs differ in how a delivery receipt quotes the id their
 * submit_sm_resp gave: as given, in decimal where the response was hex, or in hex where it was decimal (Kannel's
 * msg-id-type exists for this). A receipt therefore matches a submit when one of the receipt id's readings equals the
 * submit id's key.
 */
public final class SmscIds {

    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,40}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,40}");

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
     * Every key the message of this id may have been recorded under: the id itself, its decimal value read as hex,
     * and its hex value read as decimal. Symmetric: when a receipt id and a submit id are the same number in two
     * notations, each id's readings contain the other's key.
     */
    public static Set<String> readings(String id) {
        Set<String> keys = new TreeSet<>();
        String key = key(id);
        keys.add(key);
        if (DECIMAL.matcher(key).matches()) {
            keys.add(new BigInteger(key, 10).toString(16));
        }
        if (HEX.matcher(key).matches()) {
            keys.add(new BigInteger(key, 16).toString(10));
        }
        return keys;
    }
}
