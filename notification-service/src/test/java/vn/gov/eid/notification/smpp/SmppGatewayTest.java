package vn.gov.eid.notification.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        for (int status : new int[] {
            SMPPConstant.STAT_ESME_RSYSERR,
            SMPPConstant.STAT_ESME_RX_T_APPN,
            SMPPConstant.STAT_ESME_RSUBMITFAIL,
            SMPPConstant.STAT_ESME_RINVBNDSTS
        }) {
            assertEquals(
                    FailureCategory.SMSC_ERROR, ((SubmitOutcome.Transient) SmppGateway.classify(status)).category());
        }
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
