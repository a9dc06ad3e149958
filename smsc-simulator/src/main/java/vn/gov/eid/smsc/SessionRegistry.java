package vn.gov.eid.smsc;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.session.SMPPServerSession;

/** The bound SMPP sessions: counted binds, which session can take a receipt, cutting them all at once. */
final class SessionRegistry {

    private final Set<SMPPServerSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger bindCount = new AtomicInteger();

    /** Records a successful bind; the session leaves the registry when it closes. */
    void bound(SMPPServerSession session) {
        sessions.add(session);
        session.addSessionStateListener((newState, oldState, source) -> {
            if (!newState.isNotClosed()) {
                sessions.remove(session);
            }
        });
        bindCount.incrementAndGet();
    }

    void remove(SMPPServerSession session) {
        sessions.remove(session);
    }

    int bindCount() {
        return bindCount.get();
    }

    /** How many sessions are bound right now. */
    int boundNow() {
        return (int)
                sessions.stream().filter(s -> s.getSessionState().isBound()).count();
    }

    /** The session a receipt goes to: the one that submitted while it is bound, else any that can receive. */
    SMPPServerSession receiverFor(SMPPServerSession submitter) {
        return submitter.getSessionState().isBound()
                ? submitter
                : sessions.stream()
                        .filter(s -> s.getSessionState().isReceivable())
                        .findFirst()
                        .orElse(null);
    }

    /** Closes every session now, as a network failure would. */
    void dropAll() {
        for (SMPPServerSession session : sessions) {
            session.close();
        }
        sessions.clear();
    }
}
