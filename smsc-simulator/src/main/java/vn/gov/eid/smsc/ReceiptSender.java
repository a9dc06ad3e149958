package vn.gov.eid.smsc;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.util.DeliveryReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the delivery receipt (deliver_sm) of an accepted message, as its registered_delivery and the faults ask. */
final class ReceiptSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmscSimulator.class);

    /** What a receipt needs; the fault modes are those in force when the message was accepted. */
    private record PendingReceipt(
            ReceivedSms sms,
            byte registeredDelivery,
            byte sourceTon,
            byte sourceNpi,
            byte destTon,
            byte destNpi,
            FaultModes faults) {}

    private final Map<String, PendingReceipt> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final SessionRegistry sessions;

    ReceiptSender(ScheduledExecutorService scheduler, SessionRegistry sessions) {
        this.scheduler = scheduler;
        this.sessions = sessions;
    }

    /** Remembers an accepted message until its submit_sm_resp is sent. */
    void expect(ReceivedSms sms, SubmitSm submit, FaultModes faults) {
        pending.put(
                sms.smscMessageId(),
                new PendingReceipt(
                        sms,
                        submit.getRegisteredDelivery(),
                        submit.getSourceAddrTon(),
                        submit.getSourceAddrNpi(),
                        submit.getDestAddrTon(),
                        submit.getDestAddrNpi(),
                        faults));
    }

    /** Schedules the receipt of a message whose submit_sm_resp went out (a receipt must not overtake it). */
    void responseSent(String messageId, SMPPServerSession session) {
        PendingReceipt receipt = pending.remove(messageId);
        if (receipt == null) {
            return;
        }
        FaultModes f = receipt.faults();
        DeliveryReceiptState state = DeliveryReceiptState.valueOf(f.receiptStat());
        if (!wanted(receipt.registeredDelivery(), state) || f.withholdReceipts()) {
            return;
        }
        scheduler.schedule(() -> send(session, receipt, state), f.receiptDelayMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether registered_delivery asks for a receipt with this final state. */
    static boolean wanted(byte registeredDelivery, DeliveryReceiptState state) {
        boolean success = state == DeliveryReceiptState.DELIVRD;
        return SMSCDeliveryReceipt.SUCCESS_FAILURE.containedIn(registeredDelivery)
                || (success && SMSCDeliveryReceipt.SUCCESS.containedIn(registeredDelivery))
                || (!success && SMSCDeliveryReceipt.FAILURE.containedIn(registeredDelivery));
    }

    private void send(SMPPServerSession session, PendingReceipt pending, DeliveryReceiptState state) {
        ReceivedSms sms = pending.sms();
        // The receipt carries no part of the text: it may contain a credential.
        DeliveryReceipt receipt = new DeliveryReceipt(
                sms.smscMessageId(),
                1,
                state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                Date.from(sms.receivedAt()),
                new Date(),
                state,
                state == DeliveryReceiptState.DELIVRD ? "000" : "001",
                "");
        SMPPServerSession target = sessions.receiverFor(session);
        if (target == null) {
            LOG.info("receipt for {} not sent: no bound receiver", sms.smscMessageId());
            return;
        }
        try {
            target.deliverShortMessage(
                    "",
                    TypeOfNumber.valueOf(pending.destTon()),
                    NumberingPlanIndicator.valueOf(pending.destNpi()),
                    sms.destinationAddress(),
                    TypeOfNumber.valueOf(pending.sourceTon()),
                    NumberingPlanIndicator.valueOf(pending.sourceNpi()),
                    sms.sourceAddress(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0,
                    (byte) 0,
                    new RegisteredDelivery(0),
                    DataCodings.ZERO,
                    receipt.toString().getBytes(StandardCharsets.US_ASCII),
                    new OptionalParameter.COctetString(
                            OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), sms.smscMessageId()),
                    new OptionalParameter.Byte(
                            OptionalParameter.Tag.MESSAGE_STATE,
                            messageState(state).value()));
        } catch (Exception e) {
            LOG.warn("receipt for {} not delivered: {}", sms.smscMessageId(), e.toString());
        }
    }

    /** The message_state TLV that goes with a receipt's final state. */
    static MessageState messageState(DeliveryReceiptState state) {
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
}
