package vn.gov.eid.notification.smpp;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.connection.socket.SocketConnection;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.platform.concurrent.DaemonThreads;

/**
 * The one SMPP 3.4 transceiver session to the SMSC: binds, keeps it alive with enquire_link, re-binds with
 * backoff after the connection is lost, and hands delivery receipts on as CDI events.
 */
@ApplicationScoped
public class SmppConnection {

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

    /** The bound session, binding first if there is none; null when no bind succeeds now. */
    SMPPSession boundSession() {
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
        int connectTimeout = (int) config.smpp().connectTimeout().toMillis();
        SMPPSession s = new SMPPSession((host, port) -> {
            // jSMPP's own factory connects without a timeout: a black-holed SMSC would hold the bind for minutes
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(host, port), connectTimeout);
                return new SocketConnection(socket);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        });
        s.setEnquireLinkTimer((int) config.smpp().enquireLink().toMillis());
        s.setTransactionTimer(config.smpp().responseTimeout().toMillis());
        s.setMessageReceiverListener(new ReceiptListener(receipts));
        try {
            s.connectAndBind(
                    config.smpp().host(),
                    config.smpp().port(),
                    new BindParameter(
                            BindType.BIND_TRX,
                            config.smpp().systemId(),
                            config.smpp().password(),
                            config.smpp().systemType().orElse(""),
                            TypeOfNumber.UNKNOWN,
                            NumberingPlanIndicator.UNKNOWN,
                            null),
                    config.smpp().responseTimeout().toMillis());
        } catch (IOException e) {
            // The exception text is not logged: for a refused parameter it quotes the password.
            Log.warnf(
                    "SMPP bind to %s:%d as %s failed (%s)",
                    config.smpp().host(),
                    config.smpp().port(),
                    config.smpp().systemId(),
                    e.getClass().getSimpleName());
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
        Log.infof(
                "SMPP bound as %s to %s:%d",
                config.smpp().systemId(), config.smpp().host(), config.smpp().port());
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
        // Own lock: called from jSMPP's reader thread while a submit may hold this monitor to bind.
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
}
