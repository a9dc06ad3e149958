package vn.gov.eid.smsc;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryAdapter;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the PDUs of bound sessions: submit_sm is accepted (stored, receipt expected) or failed as the fault modes
 * say; the other requests are refused as not supported.
 */
final class SubmitHandler extends ServerResponseDeliveryAdapter implements ServerMessageReceiverListener {

    private static final Logger LOG = LoggerFactory.getLogger(SmscSimulator.class);

    private final FaultControl faults;
    private final MessageStore store;
    private final SessionRegistry sessions;
    private final ReceiptSender receipts;
    private final AtomicInteger submitCount = new AtomicInteger();
    private final AtomicInteger outstandingSubmits = new AtomicInteger();
    private final AtomicInteger maxOutstandingSubmits = new AtomicInteger();

    SubmitHandler(FaultControl faults, MessageStore store, SessionRegistry sessions, ReceiptSender receipts) {
        this.faults = faults;
        this.store = store;
        this.sessions = sessions;
        this.receipts = receipts;
    }

    /** How many submit_sm PDUs arrived, accepted or not. */
    int submitCount() {
        return submitCount.get();
    }

    /** The most submit_sm that were being processed at the same time since the last reset. */
    int maxOutstandingSubmits() {
        return maxOutstandingSubmits.get();
    }

    void resetMaxOutstandingSubmits() {
        maxOutstandingSubmits.set(outstandingSubmits.get());
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
        int outstanding = outstandingSubmits.incrementAndGet();
        maxOutstandingSubmits.accumulateAndGet(outstanding, Math::max);
        try {
            long delay = faults.submitResponseDelayMillis();
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
        FaultControl.Decision decision = faults.decide();
        switch (decision.outcome()) {
            case DROP -> {
                LOG.info("fault: dropping the connection on submit_sm");
                throw drop(session);
            }
            case THROTTLE, REJECT -> {
                LOG.info("fault: answering submit_sm with status {}", decision.status());
                throw new ProcessRequestException("fault mode", decision.status());
            }
            default -> {}
        }
        byte[] octets = submit.getShortMessage();
        OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
        if ((octets == null || octets.length == 0) && payload instanceof OptionalParameter.OctetString p) {
            octets = p.getValue();
        }
        String text = SmsText.decode(submit.getDataCoding(), submit.isUdhi(), octets);
        String id = store.newMessageId();
        ReceivedSms sms = new ReceivedSms(id, submit.getSourceAddr(), submit.getDestAddress(), text, Instant.now());
        store.add(sms);
        if (decision.outcome() == FaultControl.Outcome.DROP_AFTER_ACCEPT) {
            // the message went out to the handset, but the ESME never hears so: no answer and no receipt
            store.markUnanswered(sms);
            LOG.info(
                    "fault: accepted message {} to {}, dropping the connection before answering",
                    id,
                    mask(submit.getDestAddress()));
            throw drop(session);
        }
        receipts.expect(sms, submit, faults.current());
        LOG.info("accepted message {} to {}", id, mask(submit.getDestAddress()));
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("bad message id", SMPPConstant.STAT_ESME_RSYSERR, e);
        }
    }

    /**
     * Closes the session at once; the returned exception ends the submit (jSMPP then fails to answer on the closed
     * connection, so the ESME gets no submit_sm_resp at all).
     */
    private ProcessRequestException drop(SMPPServerSession session) {
        sessions.remove(session);
        session.close();
        return new ProcessRequestException("connection dropped", SMPPConstant.STAT_ESME_RSYSERR);
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
        receipts.responseSent(result.getMessageId(), session);
    }

    /** A phone number for the log: its first and last three characters only. */
    static String mask(String phone) {
        if (phone == null || phone.length() <= 6) {
            return "***";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 6) + phone.substring(phone.length() - 3);
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
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
            throws ProcessRequestException {
        throw new ProcessRequestException("query_broadcast_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
