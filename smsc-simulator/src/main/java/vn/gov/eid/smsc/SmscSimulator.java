package vn.gov.eid.smsc;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An SMPP 3.4 SMSC simulator (jSMPP server) with run-time fault modes and a small HTTP page, used by
 * the local run, docker-compose and the notification-service tests in place of an operator's SMSC.
 *
 * <p>This class starts and stops the parts and is the Java API of tests: {@link SmppServer} binds sessions,
 * {@link SubmitHandler} answers submit_sm, {@link ReceiptSender} sends delivery receipts, {@link FaultControl}
 * holds the fault modes, {@link MessageStore} the accepted messages and {@link SimulatorHttp} serves the page.
 */
public final class SmscSimulator implements AutoCloseable {

    private final ScheduledExecutorService scheduler =
            Executors.newScheduledThreadPool(2, DaemonThreads.numbered("smsc-receipt"));
    private final FaultControl faults = new FaultControl();
    private final MessageStore store = new MessageStore();
    private final SessionRegistry sessions = new SessionRegistry();
    private final SubmitHandler submits;
    private final SmppServer smpp;
    private final SimulatorHttp http;

    private SmscSimulator(int smppPort, int httpPort, String systemId, String password) throws IOException {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(password, "password");
        this.submits = new SubmitHandler(faults, store, sessions, new ReceiptSender(scheduler, sessions));
        this.smpp = new SmppServer(smppPort, systemId, password, submits, sessions, scheduler);
        try {
            this.http = new SimulatorHttp(this, httpPort);
        } catch (IOException e) {
            smpp.close();
            scheduler.shutdownNow();
            throw e;
        }
        smpp.start();
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
        return smpp.port();
    }

    /** The HTTP port of the message page and the fault API. */
    public int httpPort() {
        return http.port();
    }

    /** Every message accepted so far, oldest first. */
    public List<ReceivedSms> received() {
        return store.all();
    }

    /**
     * The accepted messages whose submit_sm was never answered ({@link #dropConnectionAfterAccepting}): an ESME that
     * resends them causes a duplicate nobody can avoid.
     */
    public List<ReceivedSms> acceptedUnanswered() {
        return store.unanswered();
    }

    /** Forgets the messages received so far. */
    public void clearReceived() {
        store.clear();
    }

    /** How many submit_sm PDUs arrived, accepted or not (to check that nothing is submitted twice). */
    public int submitCount() {
        return submits.submitCount();
    }

    /** How many binds succeeded (to observe re-binds after a dropped connection). */
    public int bindCount() {
        return sessions.bindCount();
    }

    /** The fault modes currently in force. */
    public FaultModes faults() {
        return faults.current();
    }

    /** Replaces all fault modes at once. */
    public void setFaults(FaultModes modes) {
        faults.set(modes);
    }

    /** Back to a well-behaved SMSC. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * A slow SMSC: every submit_sm is answered only after the given time (0 = at once). Cleared by
     * {@link #clearFaults()}.
     */
    public void delaySubmitResponses(long millis) {
        faults.delaySubmitResponses(millis);
    }

    /** The most submit_sm that were being processed at the same time since the last reset (the ESME's window in use). */
    public int maxOutstandingSubmits() {
        return submits.maxOutstandingSubmits();
    }

    /** Starts a new measurement of {@link #maxOutstandingSubmits()}. */
    public void resetMaxOutstandingSubmits() {
        submits.resetMaxOutstandingSubmits();
    }

    /** Answers the next {@code submits} submit_sm with ESME_RTHROTTLED ({@link FaultModes#ALWAYS} for all). */
    public void throttle(int submits) {
        faults.update(f -> f.withThrottleNext(submits));
    }

    /** Answers the next {@code submits} submit_sm with the given command status. */
    public void reject(int commandStatus, int submits) {
        faults.update(f -> f.withReject(submits, commandStatus));
    }

    /** Closes the connection, without answering, on the next {@code submits} submit_sm. */
    public void dropConnectionOnSubmit(int submits) {
        faults.update(f -> f.withDropNext(submits));
    }

    /**
     * Accepts the next {@code submits} submit_sm (stored in {@link #received()}, as delivered to the handset), then
     * closes the connection without answering: the ESME cannot tell that the message went out.
     */
    public void dropConnectionAfterAccepting(int submits) {
        faults.update(f -> f.withDropAfterAcceptNext(submits));
    }

    /** Delays delivery receipts by the given time. */
    public void delayReceipts(long millis) {
        faults.update(f -> f.withReceiptDelayMillis(millis));
    }

    /** Stops (or resumes) sending delivery receipts. */
    public void withholdReceipts(boolean withhold) {
        faults.update(f -> f.withWithholdReceipts(withhold));
    }

    /** Final state reported by coming receipts (DELIVRD, UNDELIV, EXPIRED, REJECTD...). */
    public void receiptState(String stat) {
        faults.receiptState(stat);
    }

    /** Closes every open SMPP connection now, as a network failure would. */
    public void dropConnections() {
        sessions.dropAll();
    }

    /** How many SMPP sessions are bound right now. */
    public int boundSessions() {
        return sessions.boundNow();
    }

    @Override
    public void close() {
        http.stop();
        smpp.close();
        scheduler.shutdownNow();
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
        System.out.printf(
                "SMSC simulator: received messages at http://localhost:%d/ (JSON: /api/messages)%n",
                simulator.httpPort());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
