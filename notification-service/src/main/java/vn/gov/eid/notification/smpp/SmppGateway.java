package vn.gov.eid.notification.smpp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.jsmpp.GenericNackResponseException;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.util.RelativeTimeFormatter;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.notification.domain.FailureCategory;
import vn.gov.eid.notification.domain.SmsText;

/**
 * Submits messages to the SMSC over the one SMPP session: one submit_sm per message with a delivery receipt
 * requested, spaced by the per-second cap, and its answer classified as a {@link SubmitOutcome}.
 */
@ApplicationScoped
public class SmppGateway {

    @Inject
    SmsConfig config;

    @Inject
    SmppConnection connection;

    private final Object paceLock = new Object();
    private long nextSubmitNanos;

    /**
     * Submits one message with a request for a delivery receipt. Blocks for the response (and for the rate cap).
     * Safe to call from several threads: jSMPP serialises the PDU writes and matches each response by sequence
     * number, so up to {@code eid.sms.window} submits (one per dispatcher worker) are outstanding at once. The
     * SMSC is asked to give up delivering after {@code validity} (the SMPP validity_period, relative). Nothing is
     * sent after {@code leaveBy} (the caller's claim would lapse before the answer could come).
     */
    public SubmitOutcome submit(String destinationE164, SmsText.Encoded sms, Duration validity, Instant leaveBy) {
        SMPPSession s = connection.boundSession();
        if (s == null) {
            return transientFailure(FailureCategory.NO_BIND, "no bound SMPP session");
        }
        pace();
        if (Instant.now().isAfter(leaveBy)) {
            // the bind or the rate cap took so long that the claim could lapse before the answer: another replica
            // may take the message over, so this one must not send it
            return transientFailure(FailureCategory.CLAIM_RUNNING_OUT, "not sent: the claim would lapse first");
        }
        String destination = destinationE164.startsWith("+") ? destinationE164.substring(1) : destinationE164;
        boolean single = sms.segments() == 1;
        OptionalParameter[] tlvs = single
                ? new OptionalParameter[0]
                : new OptionalParameter[] {
                    new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), sms.octets())
                };
        try {
            String id = s.submitShortMessage(
                            "",
                            TypeOfNumber.ALPHANUMERIC,
                            NumberingPlanIndicator.UNKNOWN,
                            config.senderId(),
                            TypeOfNumber.INTERNATIONAL,
                            NumberingPlanIndicator.ISDN,
                            destination,
                            new ESMClass(),
                            (byte) 0,
                            (byte) 1,
                            null,
                            validityPeriod(validity),
                            new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                            (byte) 0,
                            DataCodings.newInstance(sms.dataCoding()),
                            (byte) 0,
                            single ? sms.octets() : new byte[0],
                            tlvs)
                    .getMessageId();
            // an SMSC that answers without an id took the message; no receipt will be matched to it
            return new SubmitOutcome.Submitted(id == null || id.isBlank() ? null : id);
        } catch (NegativeResponseException e) {
            return classify(e.getCommandStatus());
        } catch (GenericNackResponseException e) {
            // generic_nack: the SMSC could not read the PDU as a submit; whether it kept anything is not known
            return new SubmitOutcome.Uncertain(String.format("GENERIC_NACK: status 0x%08x", e.getCommandStatus()));
        } catch (InvalidResponseException e) {
            return new SubmitOutcome.Uncertain("INVALID_RESPONSE: " + e.getMessage());
        } catch (ResponseTimeoutException e) {
            return new SubmitOutcome.Uncertain("NO_RESPONSE: no submit_sm_resp within "
                    + config.smpp().responseTimeout().toMillis() + " ms");
        } catch (IOException e) {
            // The session was bound when the PDU was handed over: it may have reached the SMSC.
            return new SubmitOutcome.Uncertain("CONNECTION_LOST: " + e.getMessage());
        } catch (Exception e) {
            return permanentFailure(FailureCategory.SUBMIT_ERROR, e.getClass().getSimpleName());
        }
    }

    static SubmitOutcome classify(int status) {
        String reason = String.format("SMSC status 0x%08x", status);
        return switch (status) {
            case SMPPConstant.STAT_ESME_RTHROTTLED -> transientFailure(FailureCategory.THROTTLED, reason);
            case SMPPConstant.STAT_ESME_RMSGQFUL -> transientFailure(FailureCategory.QUEUE_FULL, reason);
            // only the statuses that say "not now" are retried; any other refusal is final and alerts an operator
            case SMPPConstant.STAT_ESME_RSYSERR, SMPPConstant.STAT_ESME_RX_T_APPN ->
                transientFailure(FailureCategory.SMSC_ERROR, reason);
            case SMPPConstant.STAT_ESME_RINVDSTADR,
                    SMPPConstant.STAT_ESME_RINVDSTTON,
                    SMPPConstant.STAT_ESME_RINVDSTNPI -> permanentFailure(FailureCategory.INVALID_DESTINATION, reason);
            default -> permanentFailure(FailureCategory.REJECTED, reason);
        };
    }

    /**
     * The SMPP relative validity period ("YYMMDDhhmmss000R") for {@code validity}, at least one minute (a shorter
     * one could lapse in the SMSC's queue before the first delivery attempt) and at most 99 days (the field's limit).
     */
    static String validityPeriod(Duration validity) {
        long seconds =
                Math.max(60, Math.min(validity.getSeconds(), Duration.ofDays(99).getSeconds()));
        return RelativeTimeFormatter.format(
                0, 0, (int) (seconds / 86400), (int) (seconds / 3600 % 24), (int) (seconds / 60 % 60), (int)
                        (seconds % 60));
    }

    private static SubmitOutcome transientFailure(FailureCategory category, String detail) {
        return new SubmitOutcome.Transient(category, category + ": " + detail);
    }

    private static SubmitOutcome permanentFailure(FailureCategory category, String detail) {
        return new SubmitOutcome.Permanent(category, category + ": " + detail);
    }

    /**
     * A messages-per-second cap shared by all callers: each submit reserves the next free slot (spaced evenly)
     * under a short lock and sleeps outside it until its slot.
     */
    private void pace() {
        long interval = TimeUnit.SECONDS.toNanos(1) / Math.max(1, config.maxPerSecond());
        long now = System.nanoTime();
        long slot;
        synchronized (paceLock) {
            slot = Math.max(now, nextSubmitNanos);
            nextSubmitNanos = slot + interval;
        }
        long wait = slot - now;
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
