package vn.gov.eid.smsc;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** The messages the simulator accepted, oldest first, and the SMSC message ids it hands out. */
final class MessageStore {

    private final List<ReceivedSms> received = new CopyOnWriteArrayList<>();
    /** Accepted messages whose submit was never answered (the connection dropped after accepting). */
    private final List<ReceivedSms> unanswered = new CopyOnWriteArrayList<>();

    private final AtomicLong nextId = new AtomicLong();
    /** Start time in the ids: a restarted simulator does not hand out the ids of its previous run again. */
    private final long idPrefix = Instant.now().getEpochSecond() & 0xffffffffL;

    /** A new message id: 16 hex digits, unique within this simulator. */
    String newMessageId() {
        return String.format("%08x%08x", idPrefix, nextId.incrementAndGet());
    }

    void add(ReceivedSms sms) {
        received.add(sms);
    }

    /** Records a message as accepted although the ESME never got the answer. */
    void markUnanswered(ReceivedSms sms) {
        unanswered.add(sms);
    }

    List<ReceivedSms> all() {
        return List.copyOf(received);
    }

    List<ReceivedSms> unanswered() {
        return List.copyOf(unanswered);
    }

    void clear() {
        received.clear();
        unanswered.clear();
    }
}
