package vn.gov.eid.smsc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SMPP listener: accepts connections and binds sessions that give the configured system id and password. */
final class SmppServer {

    private static final Logger LOG = LoggerFactory.getLogger(SmscSimulator.class);

    private final String systemId;
    private final String password;
    private final SessionRegistry sessions;
    private final ScheduledExecutorService scheduler;
    private final SMPPServerSessionListener listener;
    private final ExecutorService acceptor = Executors.newCachedThreadPool(DaemonThreads.numbered("smsc-session"));
    private volatile boolean running = true;
    private volatile int boundPort;

    /** Opens the port at once (0 = any free port); {@link #start()} begins to accept. */
    SmppServer(
            int port,
            String systemId,
            String password,
            SubmitHandler handler,
            SessionRegistry sessions,
            ScheduledExecutorService scheduler)
            throws IOException {
        this.systemId = systemId;
        this.password = password;
        this.sessions = sessions;
        this.scheduler = scheduler;
        this.listener = new SMPPServerSessionListener(port, new PortRecordingFactory());
        // Room for an ESME window of several outstanding submits (jSMPP's default is 3 processing threads).
        listener.setPduProcessorDegree(16);
        listener.setMessageReceiverListener(handler);
        listener.setResponseDeliveryListener(handler);
    }

    void start() {
        acceptor.execute(this::acceptLoop);
    }

    /** The port actually bound, also when 0 was asked for. */
    int port() {
        return boundPort;
    }

    /** Stops accepting, closes the port and every session. */
    void close() {
        running = false;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing listener", e);
        }
        sessions.dropAll();
        acceptor.shutdownNow();
    }

    private void acceptLoop() {
        while (running) {
            try {
                SMPPServerSession session = listener.accept();
                acceptor.execute(() -> bind(session));
            } catch (SocketException e) {
                if (running) {
                    LOG.warn("SMPP accept failed: {}", e.getMessage());
                }
                return;
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                LOG.warn("SMPP accept failed: {}", e.getMessage());
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(10_000);
            if (!systemId.equals(request.getSystemId())) {
                request.reject(SMPPConstant.STAT_ESME_RINVSYSID);
                LOG.info("bind refused: unknown system id {}", request.getSystemId());
                closeLater(session);
                return;
            }
            if (!password.equals(request.getPassword())) {
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                LOG.info("bind refused for {}: wrong password", request.getSystemId());
                closeLater(session);
                return;
            }
            request.accept("eid-smsc-sim");
            sessions.bound(session);
            LOG.info("{} bound ({}) from {}", request.getSystemId(), request.getBindType(), session.getInetAddress());
        } catch (TimeoutException e) {
            LOG.info("no bind request within 10 s, closing");
            session.close();
        } catch (IOException | PDUStringException | IllegalStateException e) {
            LOG.warn("bind failed: {}", e.getMessage());
            session.close();
        }
    }

    /** Closing right after a negative bind_resp can reset the socket before the ESME has read the answer. */
    private void closeLater(SMPPServerSession session) {
        scheduler.schedule(session::close, 2, TimeUnit.SECONDS);
    }

    /** Opens the server socket itself so that the port actually bound (also for port 0) is known. */
    private final class PortRecordingFactory implements ServerConnectionFactory {

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), backlog);
            socket.setSoTimeout(timeout);
            boundPort = socket.getLocalPort();
            return new ServerSocketConnection(socket);
        }
    }
}
