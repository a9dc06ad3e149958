package vn.gov.eid.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The decisions taken on a failure category instead of on the text of lastError. */
class FailureCategoryTest {

    private static Set<FailureCategory> where(java.util.function.Predicate<FailureCategory> p) {
        return Arrays.stream(FailureCategory.values())
                .filter(p)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(FailureCategory.class)));
    }

    @Test
    void onlyAnUnknownOrInterruptedSubmitMayHaveReachedTheCitizen() {
        assertEquals(
                EnumSet.of(
                        FailureCategory.SUBMIT_OUTCOME_UNKNOWN,
                        FailureCategory.SUBMIT_INTERRUPTED,
                        FailureCategory.TOO_MANY_UNKNOWN_OUTCOMES),
                where(FailureCategory::mayHaveBeenSent));
    }

    @Test
    void onlyAnUnusableRequestLosesItsCiphertextAtOnce() {
        assertEquals(EnumSet.of(FailureCategory.UNUSABLE_REQUEST), where(c -> !c.keepsCiphertext()));
    }

    @Test
    void failedReceiptsMapToTheirCategory() {
        assertEquals(FailureCategory.SMSC_UNDELIV, FailureCategory.ofReceipt("UNDELIV"));
        assertEquals(FailureCategory.SMSC_REJECTD, FailureCategory.ofReceipt("REJECTD"));
        assertEquals(FailureCategory.SMSC_DELETED, FailureCategory.ofReceipt("DELETED"));
        assertEquals(FailureCategory.SMSC_UNKNOWN, FailureCategory.ofReceipt("UNKNOWN"));
        assertEquals(FailureCategory.SMSC_EXPIRED, FailureCategory.ofReceipt("EXPIRED"));
        assertEquals(FailureCategory.SMSC_UNKNOWN, FailureCategory.ofReceipt("SOMETHING_NEW"));
    }

    @Test
    void everyNameFitsTheColumn() {
        for (FailureCategory c : FailureCategory.values()) {
            assertTrue(c.name().length() <= 32, c.name() + " is longer than failure_category varchar(32)");
        }
    }
}
