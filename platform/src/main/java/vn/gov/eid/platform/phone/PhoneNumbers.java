package vn.gov.eid.platform.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Normalises phone numbers to E.164 and accepts only Vietnamese mobiles (libphonenumber, not a regex). */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    /** The E.164 form of a Vietnamese mobile number, or empty when it is not one. */
    public static Optional<String> toVietnameseMobileE164(String raw) {
        try {
            PhoneNumber number = UTIL.parse(raw.trim(), "VN");
            if (!UTIL.isValidNumberForRegion(number, "VN") || UTIL.getNumberType(number) != PhoneNumberType.MOBILE) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
