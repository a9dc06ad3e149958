package vn.gov.eid.notification.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.Test;
import vn.gov.eid.notification.domain.FailureCategory;

/** How an SMSC refusal of a submit is classified: worth another attempt, or final, with its category. */
class SmppGatewayTest {

    @Test
    void throttlingFullQueueAndSmscErrorsAreTransient() {
        assertEquals(
                new SubmitOutcome.Transient(FailureCategory.THROTTLED, "THROTTLED: SMSC status 0x00000058"),
                SmppGateway.classify(SMPPConstant.STAT_ESME_RTHROTTLED));
        assertEquals(
                new SubmitOutcome.Transient(FailureCategory.QUEUE_FULL, "QUEUE_FULL: SMSC status 0x00000014"),
                SmppGateway.classify(SMPPConstant.STAT_ESME_RMSGQFUL));
        for (int status : new int[] {SMPPConstant.STAT_ESME_RSYSERR, SMPPConstant.STAT_ESME_RX_T_APPN}) {
            assertEquals(
                    FailureCategory.SMSC_ERROR, ((SubmitOutcome.Transient) SmppGateway.classify(status)).category());
        }
    }

    @Test
    void onlyTheFourNotNowStatusesAreRetried() {
        // Kannel and Jasmin retry throttling, a full queue and passing SMSC errors; any other status would repeat
        for (int status : new int[] {
            SMPPConstant.STAT_ESME_RSUBMITFAIL, SMPPConstant.STAT_ESME_RINVBNDSTS, SMPPConstant.STAT_ESME_RINVMSGLEN
        }) {
            assertEquals(FailureCategory.REJECTED, ((SubmitOutcome.Permanent) SmppGateway.classify(status)).category());
        }
    }

    @Test
    void theValidityPeriodIsRelativeAndBounded() {
        // SMPP 3.4 section 7.1.1: YYMMDDhhmmss000R, a duration
        assertEquals("000003000000000R", SmppGateway.validityPeriod(Duration.ofHours(72)));
        assertEquals("000000013005000R", SmppGateway.validityPeriod(Duration.ofSeconds(5405)));
        assertEquals("000000000100000R", SmppGateway.validityPeriod(Duration.ofSeconds(3)), "at least a minute");
        assertEquals("000099000000000R", SmppGateway.validityPeriod(Duration.ofDays(400)), "at most 99 days");
    }

    @Test
    void aBadDestinationAndAnyOtherRefusalAreFinal() {
        assertEquals(
                new SubmitOutcome.Permanent(
                        FailureCategory.INVALID_DESTINATION, "INVALID_DESTINATION: SMSC status 0x0000000b"),
                SmppGateway.classify(SMPPConstant.STAT_ESME_RINVDSTADR));
        assertEquals(
                FailureCategory.INVALID_DESTINATION,
                ((SubmitOutcome.Permanent) SmppGateway.classify(SMPPConstant.STAT_ESME_RINVDSTTON)).category());
        assertEquals(
                new SubmitOutcome.Permanent(FailureCategory.REJECTED, "REJECTED: SMSC status 0x0000000a"),
                SmppGateway.classify(SMPPConstant.STAT_ESME_RINVSRCADR));
    }
}
