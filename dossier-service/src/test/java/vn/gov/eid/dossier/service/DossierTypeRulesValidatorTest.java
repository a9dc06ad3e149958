package vn.gov.eid.dossier.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.gov.eid.dossier.PlainValidation;
import vn.gov.eid.dossier.domain.Applicant;
import vn.gov.eid.dossier.domain.DossierType;
import vn.gov.eid.dossier.domain.ExchangeReason;
import vn.gov.eid.dossier.domain.Sex;

/** Which fields each dossier type needs or refuses (plain JUnit, no Quarkus). */
class DossierTypeRulesValidatorTest {
    static final String ONLY_EXCHANGE = "rule TYPE_FIELDS: only allowed for EXCHANGE";

    /** A female applicant of the given age today, with a consistent personal ID number. */
    static Applicant applicantAged(int years, int extraDays) {
        LocalDate dob = LocalDate.now().minusYears(years).minusDays(extraDays);
        int g = (dob.getYear() / 100 - 19) * 2 + 1;
        String pid = String.format("001%d%02d012345", g, dob.getYear() % 100);
        return new Applicant(
                pid,
                "Le Thi Hoa",
                null,
                dob,
                Sex.FEMALE,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static NewDossier dossier(DossierType type, ExchangeReason reason, String current, String lost, Applicant a) {
        return new NewDossier(type, a, reason, current, lost, null);
    }

    static Map<String, List<String>> violations(DossierType type, ExchangeReason reason, String current, String lost) {
        return PlainValidation.violations(dossier(type, reason, current, lost, applicantAged(30, 0)));
    }

    @Test
    void issueNeedsNoTypeField() {
        assertEquals(Map.of(), violations(DossierType.ISSUE, null, null, null));
    }

    @Test
    void exchangeNeedsReasonAndCurrentCard() {
        assertEquals(
                Map.of(
                        "exchangeReason", List.of("rule EXCHANGE_REASON: is required for EXCHANGE"),
                        "currentCardNumber", List.of("rule EXCHANGE_CARD: is required for EXCHANGE")),
                violations(DossierType.EXCHANGE, null, null, null));
        assertEquals(Map.of(), violations(DossierType.EXCHANGE, ExchangeReason.DAMAGED, "123456789", null));
    }

    @Test
    void cardNumbersHaveNineOrTwelveDigits() {
        assertEquals(
                Map.of("currentCardNumber", List.of("must be a 9- or 12-digit card number")),
                violations(DossierType.EXCHANGE, ExchangeReason.DAMAGED, "12345", null));
        assertEquals(
                Map.of("lostCardNumber", List.of("must be a 9- or 12-digit card number")),
                violations(DossierType.REISSUE, null, null, "1234567890"));
    }

    @Test
    void typeFieldsOnlyWhereTheyBelong() {
        assertEquals(
                Map.of(
                        "exchangeReason", List.of(ONLY_EXCHANGE),
                        "currentCardNumber", List.of(ONLY_EXCHANGE),
                        "lostCardNumber", List.of("rule TYPE_FIELDS: only allowed for REISSUE")),
                violations(DossierType.ISSUE, ExchangeReason.DAMAGED, "001234567890", "001234567890"));
        assertEquals(
                Map.of("lostCardNumber", List.of("rule TYPE_FIELDS: only allowed for REISSUE")),
                violations(DossierType.EXCHANGE, ExchangeReason.DAMAGED, "001234567890", "123456789"));
        assertEquals(Map.of(), violations(DossierType.REISSUE, null, null, "123456789"));
        assertEquals(Map.of(), violations(DossierType.REISSUE, null, null, null));
    }

    @Test
    void ageMilestoneExchangeFromTwentyThree() {
        String refusal = "rule AGE_MILESTONE: the applicant is younger than 23, two years before the first "
                + "exchange age of 25";
        assertEquals(
                Map.of("exchangeReason", List.of(refusal)),
                PlainValidation.violations(dossier(
                        DossierType.EXCHANGE,
                        ExchangeReason.AGE_MILESTONE,
                        "001234567890",
                        null,
                        applicantAged(22, 300))));
        assertEquals(
                Map.of(),
                PlainValidation.violations(dossier(
                        DossierType.EXCHANGE,
                        ExchangeReason.AGE_MILESTONE,
                        "001234567890",
                        null,
                        applicantAged(23, 0))));
        // Only the milestone reason depends on age.
        assertEquals(
                Map.of(),
                PlainValidation.violations(dossier(
                        DossierType.EXCHANGE, ExchangeReason.DAMAGED, "001234567890", null, applicantAged(20, 0))));
    }
}
