package vn.gov.eid.notification.smpp;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.notification.domain.SmsText;
import vn.gov.eid.platform.concurrent.DaemonThreads;

/**
 * The one SMPP 3.4 transceiver session to the SMSC: binds, keeps it alive with enquire_link, re-binds with
 * backoff after the connection is lost, submits messages and hands delivery receipts on as CDI events.
 */
@ApplicationScoped
public class SmppGateway {

    @Inject
    SmsConfig config;

    @Inject
    Event<DeliveryReceiptReceived> receipts;

    private final ScheduledExecutorService rebinder =
            Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("smpp-rebind"));
    private final Object rebindLock = new Object();
    private volatile SMPPSession session;
    private volatile boolean stopping;
    private volatile long rebindDelayMs;
    private volatile boolean rebindScheduled;
    private final Object paceLock = new Object();
    private long nextSubmitNanos;

    void onStart(@Observes StartupEvent event) {
        // SMPP 3.4 C-octet limits; jSMPP would otherwise refuse every bind and log the offending value.
        if (config.smpp().password().length() > 8) {
            throw new IllegalStateException("SMPP_PASSWORD is longer than the 8 characters SMPP 3.4 allows");
        }
        if (config.smpp().systemId().isEmpty() || config.smpp().systemId().length() > 15) {
            throw new IllegalStateException("SMPP_SYSTEM_ID must have 1 to 15 characters");
        }
        rebindDelayMs = config.smpp().rebindInitial().toMillis();
        if (config.smpp().connectAtStart()) {
            // Off the startup thread: an SMSC that is down must not stop the service from starting.
            rebinder.execute(this::bindOrScheduleRebind);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        rebinder.shutdownNow();
        SMPPSession s = session;
        if (s != null) {
            s.unbindAndClose();
        }
    }

    /** Whether a bound session exists right now. */
    public boolean isBound() {
        SMPPSession s = session;
        return s != null && s.getSessionState().isBound();
    }

    /**
     * Submits one message with a request for a delivery receipt. Blocks for the response (and for the rate cap).
     * Safe to call from several threads: jSMPP serialises the PDU writes and matches each response by sequence
     * number, so up to {@code eid.sms.window} submits (one per dispatcher worker) are outstanding at once.
     */
    public SubmitOutcome submit(String destinationE164, SmsText.Encoded sms) {
        SMPPSession s = boundSession();
        if (s == null) {
            return new SubmitOutcome.Transient("NO_BIND: no bound SMPP session");
        }
        pace();
        String destination = destinationE164.startsWith("+") ? destinationE164.substring(1) : destinationE164;
        boolean single = sms.segments() == 1;
        OptionalParameter[] tlvs = single ? new OptionalParameter[0] : new OptionalParameter[] {
                new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), sms.octets())};
        try {
            String id = s.submitShortMessage("", TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
                    config.senderId(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination,
                    new ESMClass(), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    DataCodings.newInstance(sms.dataCoding()), (byte) 0, single ? sms.octets() : new byte[0], tlvs)
                    .getMessageId();
            return new SubmitOutcome.Submitted(id);
        } catch (NegativeResponseException e) {
            return classify(e.getCommandStatus());
        } catch (ResponseTimeoutException e) {
            return new SubmitOutcome.Uncertain("NO_RESPONSE: no submit_sm_resp within "
                    + config.smpp().responseTimeout().toMillis() + " ms");
        } catch (IOException e) {
            // The session was bound when the PDU was handed over: it may have reached the SMSC.
            return new SubmitOutcome.Uncertain("CONNECTION_LOST: " + e.getMessage());
        } catch (Exception e) {
            return new SubmitOutcome.Permanent("SUBMIT_ERROR: " + e.getClass().getSimpleName());
        }
    }

    static SubmitOutcome classify(int status) {
        String reason = String.format("SMSC status 0x%08x", status);
        return switch (status) {
            case SMPPConstant.STAT_ESME_RTHROTTLED -> new SubmitOutcome.Transient("THROTTLED: " + reason);
            case SMPPConstant.STAT_ESME_RMSGQFUL -> new SubmitOutcome.Transient("QUEUE_FULL: " + reason);
            case SMPPConstant.STAT_ESME_RSYSERR, SMPPConstant.STAT_ESME_RX_T_APPN, SMPPConstant.STAT_ESME_RSUBMITFAIL,
                    SMPPConstant.STAT_ESME_RINVBNDSTS -> new SubmitOutcome.Transient("SMSC_ERROR: " + reason);
            case SMPPConstant.STAT_ESME_RINVDSTADR, SMPPConstant.STAT_ESME_RINVDSTTON,
                    SMPPConstant.STAT_ESME_RINVDSTNPI -> new SubmitOutcome.Permanent("INVALID_DESTINATION: " + reason);
            default -> new SubmitOutcome.Permanent("REJECTED: " + reason);
        };
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

    private SMPPSession boundSession() {
        SMPPSession s = session;
        if (s != null && s.getSessionState().isBound()) {
            return s;
        }
        return bind() ? session : null;
    }

    private synchronized boolean bind() {
        if (stopping) {
            return false;
        }
        SMPPSession current = session;
        if (current != null && current.getSessionState().isBound()) {
            return true;
        }
        SMPPSession s = new SMPPSession();
        s.setEnquireLinkTimer((int) config.smpp().enquireLink().toMillis());
        s.setTransactionTimer(config.smpp().responseTimeout().toMillis());
        s.setMessageReceiverListener(new Receiver());
        try {
            s.connectAndBind(config.smpp().host(), config.smpp().port(), new BindParameter(BindType.BIND_TRX,
                    config.smpp().systemId(), config.smpp().password(), config.smpp().systemType().orElse(""),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    config.smpp().responseTimeout().toMillis());
        } catch (IOException e) {
            // The exception text is not logged: for a refused parameter it quotes the password.
            Log.warnf("SMPP bind to %s:%d as %s failed (%s)", config.smpp().host(), config.smpp().port(),
                    config.smpp().systemId(), e.getClass().getSimpleName());
            s.close();
            return false;
        }
        s.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED && !stopping) {
                Log.warnf("SMPP session %s closed; re-binding", source.getSessionId());
                scheduleRebind();
            }
        });
        session = s;
        rebindDelayMs = config.smpp().rebindInitial().toMillis();
        Log.infof("SMPP bound as %s to %s:%d", config.smpp().systemId(), config.smpp().host(), config.smpp().port());
        return true;
    }

    private void bindOrScheduleRebind() {
        synchronized (rebindLock) {
            rebindScheduled = false;
        }
        if (!bind()) {
            scheduleRebind();
        }
    }

    private void scheduleRebind() {
        // Own lock: called from jSMPP's reader thread while a submit may hold the gateway's monitor.
        synchronized (rebindLock) {
            if (stopping || rebindScheduled) {
                return;
            }
            rebindScheduled = true;
            long delay = rebindDelayMs;
            rebindDelayMs = Math.min(config.smpp().rebindMax().toMillis(), delay * 2);
            rebinder.schedule(this::bindOrScheduleRebind, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Receives deliver_sm: delivery receipts are passed on; anything else (mobile-originated) is ignored. */
    private final class Receiver implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                return;
            }
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                String id = receipt.getId();
                OptionalParameter receipted = deliverSm.getOptionalParameter(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
                if (receipted instanceof OptionalParameter.COctetString c) {
                    id = c.getValueAsString();
                }
                receipts.fire(new DeliveryReceiptReceived(id, String.valueOf(receipt.getFinalStatus()),
                        receipt.getError()));
            } catch (Exception e) {
                Log.warnf("delivery receipt not handled: %s", e.toString());
                throw new ProcessRequestException("receipt not handled", SMPPConstant.STAT_ESME_RX_T_APPN);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
