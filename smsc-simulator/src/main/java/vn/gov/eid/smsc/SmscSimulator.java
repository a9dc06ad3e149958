package vn.gov.eid.smsc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMPP 3.4 SMSC simulator (jSMPP server) with run-time fault modes and a small HTTP page, used by
 * the local run, docker-compose and the notification-service tests in place of an operator's SMSC.
 */
public final class SmscSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmscSimulator.class);

    private final String systemId;
    private final String password;
    private final SMPPServerSessionListener listener;
    private final SimulatorHttp http;
    private final ExecutorService acceptor = Executors.newCachedThreadPool(daemon("smsc-session"));
    private final ScheduledExecutorService receipts = Executors.newScheduledThreadPool(2, daemon("smsc-receipt"));
    private final List<ReceivedSms> received = new CopyOnWriteArrayList<>();
    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, PendingReceipt> pendingReceipts = new ConcurrentHashMap<>();
    private final AtomicReference<FaultModes> faults = new AtomicReference<>(FaultModes.none());
    private final AtomicInteger submitCount = new AtomicInteger();
    private final AtomicInteger bindCount = new AtomicInteger();
    private final AtomicInteger outstandingSubmits = new AtomicInteger();
    private final AtomicInteger maxOutstandingSubmits = new AtomicInteger();
    private volatile long submitResponseDelayMillis;
    private final AtomicLong nextId = new AtomicLong();
    private final long idPrefix = Instant.now().getEpochSecond() & 0xffffffffL;
    private volatile boolean running = true;
    private volatile int boundSmppPort;

    private SmscSimulator(int smppPort, int httpPort, String systemId, String password) throws IOException {
        this.systemId = Objects.requireNonNull(systemId, "systemId");
        this.password = Objects.requireNonNull(password, "password");
        this.listener = new SMPPServerSessionListener(smppPort, new PortRecordingFactory());
        // Room for an ESME window of several outstanding submits (jSMPP's default is 3 processing threads).
        listener.setPduProcessorDegree(16);
        Receiver receiver = new Receiver();
        listener.setMessageReceiverListener(receiver);
        listener.setResponseDeliveryListener(receiver);
        try {
            this.http = new SimulatorHttp(this, httpPort);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        acceptor.execute(this::acceptLoop);
    }

    /**
     * Starts the simulator; a port of 0 picks any free port.
     */
    public static SmscSimulator start(int smppPort, int httpPort, String systemId, String password) {
        try {
            return new SmscSimulator(smppPort, httpPort, systemId, password);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the SMSC simulator: " + e.getMessage(), e);
        }
    }

    /** The SMPP port ESMEs bind to. */
    public int smppPort() {
        return boundSmppPort;
    }

    /** The HTTP port of the message page and the fault API. */
    public int httpPort() {
        return http.port();
    }

    /** Every message accepted so far, oldest first. */
    public List<ReceivedSms> received() {
        return List.copyOf(received);
    }

    /** Forgets the messages received so far. */
    public void clearReceived() {
        received.clear();
    }

    /** How many submit_sm PDUs arrived, accepted or not (to check that nothing is submitted twice). */
    public int submitCount() {
        return submitCount.get();
    }

    /** How many binds succeeded (to observe re-binds after a dropped connection). */
    public int bindCount() {
        return bindCount.get();
    }

    /** The fault modes currently in force. */
    public FaultModes faults() {
        return faults.get();
    }

    /** Replaces all fault modes at once. */
    public void setFaults(FaultModes modes) {
        faults.set(Objects.requireNonNull(modes));
    }

    /** Back to a well-behaved SMSC. */
    public void clearFaults() {
        faults.set(FaultModes.none());
        submitResponseDelayMillis = 0;
    }

    /**
     * A slow SMSC: every submit_sm is answered only after the given time (0 = at once). Cleared by
     * {@link #clearFaults()}.
     */
    public void delaySubmitResponses(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("millis must be >= 0");
        }
        submitResponseDelayMillis = millis;
    }

    /** The most submit_sm that were being processed at the same time since the last reset (the ESME's window in use). */
    public int maxOutstandingSubmits() {
        return maxOutstandingSubmits.get();
    }

    /** Starts a new measurement of {@link #maxOutstandingSubmits()}. */
    public void resetMaxOutstandingSubmits() {
        maxOutstandingSubmits.set(outstandingSubmits.get());
    }

    /** Answers the next {@code submits} submit_sm with ESME_RTHROTTLED ({@link FaultModes#ALWAYS} for all). */
    public void throttle(int submits) {
        faults.updateAndGet(f -> f.withThrottleNext(submits));
    }

    /** Answers the next {@code submits} submit_sm with the given command status. */
    public void reject(int commandStatus, int submits) {
        faults.updateAndGet(f -> f.withReject(submits, commandStatus));
    }

    /** Closes the connection, without answering, on the next {@code submits} submit_sm. */
    public void dropConnectionOnSubmit(int submits) {
        faults.updateAndGet(f -> f.withDropNext(submits));
    }

    /** Delays delivery receipts by the given time. */
    public void delayReceipts(long millis) {
        faults.updateAndGet(f -> f.withReceiptDelayMillis(millis));
    }

    /** Stops (or resumes) sending delivery receipts. */
    public void withholdReceipts(boolean withhold) {
        faults.updateAndGet(f -> f.withWithholdReceipts(withhold));
    }

    /** Final state reported by coming receipts (DELIVRD, UNDELIV, EXPIRED, REJECTD...). */
    public void receiptState(String stat) {
        DeliveryReceiptState.valueOf(stat);
        faults.updateAndGet(f -> f.withReceiptStat(stat));
    }

    /** Closes every open SMPP connection now, as a network failure would. */
    public void dropConnections() {
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }

    /** How many SMPP sessions are bound right now. */
    public int boundSessions() {
        return (int) sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    @Override
    public void close() {
        running = false;
        http.stop();
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing listener", e);
        }
        dropConnections();
        receipts.shutdownNow();
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
            sessions.add(session);
            session.addSessionStateListener((newState, oldState, source) -> {
                if (!newState.isNotClosed()) {
                    sessions.remove(session);
                }
            });
            bindCount.incrementAndGet();
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
        receipts.schedule(session::close, 2, TimeUnit.SECONDS);
    }

    private String newMessageId() {
        return String.format("%08x%08x", idPrefix, nextId.incrementAndGet());
    }

    private enum Outcome { ACCEPT, DROP, THROTTLE, REJECT }

    private record Decision(Outcome outcome, int status) {
    }

    private Decision decide() {
        AtomicReference<Decision> decision = new AtomicReference<>();
        faults.updateAndGet(f -> {
            if (f.dropNext() != 0) {
                decision.set(new Decision(Outcome.DROP, 0));
                return f.withDropNext(FaultModes.decrement(f.dropNext()));
            }
            if (f.throttleNext() != 0) {
                decision.set(new Decision(Outcome.THROTTLE, SMPPConstant.STAT_ESME_RTHROTTLED));
                return f.withThrottleNext(FaultModes.decrement(f.throttleNext()));
            }
            if (f.rejectNext() != 0) {
                decision.set(new Decision(Outcome.REJECT, f.rejectStatus()));
                return f.withReject(FaultModes.decrement(f.rejectNext()), f.rejectStatus());
            }
            decision.set(new Decision(Outcome.ACCEPT, 0));
            return f;
        });
        return decision.get();
    }

    /** What a receipt needs; the fault modes are those in force when the message was accepted. */
    private record PendingReceipt(ReceivedSms sms, byte registeredDelivery, byte sourceTon, byte sourceNpi,
                                  byte destTon, byte destNpi, FaultModes faults) {
    }

    private void scheduleReceipt(String messageId, SMPPServerSession session) {
        PendingReceipt pending = pendingReceipts.remove(messageId);
        if (pending == null) {
            return;
        }
        FaultModes f = pending.faults();
        DeliveryReceiptState state = DeliveryReceiptState.valueOf(f.receiptStat());
        boolean success = state == DeliveryReceiptState.DELIVRD;
        boolean wanted = SMSCDeliveryReceipt.SUCCESS_FAILURE.containedIn(pending.registeredDelivery())
                || (success && SMSCDeliveryReceipt.SUCCESS.containedIn(pending.registeredDelivery()))
                || (!success && SMSCDeliveryReceipt.FAILURE.containedIn(pending.registeredDelivery()));
        if (!wanted || f.withholdReceipts()) {
            return;
        }
        receipts.schedule(() -> sendReceipt(session, pending, state), f.receiptDelayMillis(), TimeUnit.MILLISECONDS);
    }

    private void sendReceipt(SMPPServerSession session, PendingReceipt pending, DeliveryReceiptState state) {
        ReceivedSms sms = pending.sms();
        // The receipt carries no part of the text: it may contain a credential.
        DeliveryReceipt receipt = new DeliveryReceipt(sms.smscMessageId(), 1,
                state == DeliveryReceiptState.DELIVRD ? 1 : 0, Date.from(sms.receivedAt()), new Date(), state,
                state == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
        SMPPServerSession target = session.getSessionState().isBound() ? session
                : sessions.stream().filter(s -> s.getSessionState().isReceivable()).findFirst().orElse(null);
        if (target == null) {
            LOG.info("receipt for {} not sent: no bound receiver", sms.smscMessageId());
            return;
        }
        try {
            target.deliverShortMessage("", TypeOfNumber.valueOf(pending.destTon()),
                    NumberingPlanIndicator.valueOf(pending.destNpi()), sms.destinationAddress(),
                    TypeOfNumber.valueOf(pending.sourceTon()), NumberingPlanIndicator.valueOf(pending.sourceNpi()),
                    sms.sourceAddress(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    receipt.toString().getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(),
                            sms.smscMessageId()),
                    new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, messageState(state).value()));
        } catch (Exception e) {
            LOG.warn("receipt for {} not delivered: {}", sms.smscMessageId(), e.toString());
        }
    }

    private static MessageState messageState(DeliveryReceiptState state) {
        return switch (state) {
            case DELIVRD -> MessageState.DELIVERED;
            case EXPIRED -> MessageState.EXPIRED;
            case DELETED -> MessageState.DELETED;
            case UNDELIV -> MessageState.UNDELIVERABLE;
            case ACCEPTD -> MessageState.ACCEPTED;
            case REJECTD -> MessageState.REJECTED;
            case ENROUTE -> MessageState.ENROUTE;
            default -> MessageState.UNKNOWN;
        };
    }

    /** Handles the PDUs of one session. */
    private final class Receiver extends ServerResponseDeliveryAdapter implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session)
                throws ProcessRequestException {
            int outstanding = outstandingSubmits.incrementAndGet();
            maxOutstandingSubmits.accumulateAndGet(outstanding, Math::max);
            try {
                long delay = submitResponseDelayMillis;
                if (delay > 0) {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return accept(submit, session);
            } finally {
                outstandingSubmits.decrementAndGet();
            }
        }

        private SubmitSmResult accept(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
            submitCount.incrementAndGet();
            Decision decision = decide();
            switch (decision.outcome()) {
                case DROP -> {
                    LOG.info("fault: dropping the connection on submit_sm");
                    sessions.remove(session);
                    session.close();
                    throw new ProcessRequestException("connection dropped", SMPPConstant.STAT_ESME_RSYSERR);
                }
                case THROTTLE, REJECT -> {
                    LOG.info("fault: answering submit_sm with status {}", decision.status());
                    throw new ProcessRequestException("fault mode", decision.status());
                }
                default -> {
                }
            }
            byte[] octets = submit.getShortMessage();
            OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            if ((octets == null || octets.length == 0) && payload instanceof OptionalParameter.OctetString p) {
                octets = p.getValue();
            }
            String text = SmsText.decode(submit.getDataCoding(), submit.isUdhi(), octets);
            String id = newMessageId();
            ReceivedSms sms = new ReceivedSms(id, submit.getSourceAddr(), submit.getDestAddress(), text, Instant.now());
            received.add(sms);
            pendingReceipts.put(id, new PendingReceipt(sms, submit.getRegisteredDelivery(), submit.getSourceAddrTon(),
                    submit.getSourceAddrNpi(), submit.getDestAddrTon(), submit.getDestAddrNpi(), faults.get()));
            LOG.info("accepted message {} to {}", id, mask(submit.getDestAddress()));
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (PDUStringException e) {
                throw new ProcessRequestException("bad message id", SMPPConstant.STAT_ESME_RSYSERR, e);
            }
        }

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
            // The receipt must not overtake the response that tells the ESME the message id.
            scheduleReceipt(result.getMessageId(), session);
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_sm not supported", SMPPConstant.STAT_ESME_RQUERYFAIL);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm not supported", SMPPConstant.STAT_ESME_RREPLACEFAIL);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm not supported", SMPPConstant.STAT_ESME_RCANCELFAIL);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm,
                                                               SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
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
            boundSmppPort = socket.getLocalPort();
            return new ServerSocketConnection(socket);
        }
    }

    static String mask(String phone) {
        if (phone == null || phone.length() <= 6) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 3);
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Runs the simulator as a process; configured by SMSC_SMPP_PORT, SMSC_HTTP_PORT, SMSC_SYSTEM_ID and
     * SMSC_PASSWORD.
     */
    public static void main(String[] args) throws InterruptedException {
        int smppPort = Integer.parseInt(env("SMSC_SMPP_PORT", "2775"));
        int httpPort = Integer.parseInt(env("SMSC_HTTP_PORT", "8090"));
        String systemId = env("SMSC_SYSTEM_ID", "eid");
        String password = env("SMSC_PASSWORD", "eid-smpp");
        SmscSimulator simulator = start(smppPort, httpPort, systemId, password);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close, "smsc-shutdown"));
        System.out.printf("SMSC simulator: SMPP 3.4 on port %d (system id %s)%n", simulator.smppPort(), systemId);
        System.out.printf("SMSC simulator: received messages at http://localhost:%d/ (JSON: /api/messages)%n",
                simulator.httpPort());
        System.out.flush();
        new java.util.concurrent.CountDownLatch(1).await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
