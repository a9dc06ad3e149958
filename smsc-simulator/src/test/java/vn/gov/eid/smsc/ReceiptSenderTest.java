package vn.gov.eid.smsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsmpp.bean.MessageState;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.Test;

/** When registered_delivery asks for a receipt, and the message_state TLV a receipt carries. */
class ReceiptSenderTest {

    @Test
    void successAndFailureAsksForEveryReceipt() {
        byte both = SMSCDeliveryReceipt.SUCCESS_FAILURE.value();
        assertTrue(ReceiptSender.wanted(both, DeliveryReceiptState.DELIVRD));
        assertTrue(ReceiptSender.wanted(both, DeliveryReceiptState.UNDELIV));
    }

    @Test
    void successOnlyOrFailureOnly() {
        byte success = SMSCDeliveryReceipt.SUCCESS.value();
        byte failure = SMSCDeliveryReceipt.FAILURE.value();
        assertTrue(ReceiptSender.wanted(success, DeliveryReceiptState.DELIVRD));
        assertFalse(ReceiptSender.wanted(success, DeliveryReceiptState.EXPIRED));
        assertFalse(ReceiptSender.wanted(failure, DeliveryReceiptState.DELIVRD));
        assertTrue(ReceiptSender.wanted(failure, DeliveryReceiptState.REJECTD));
    }

    @Test
    void noReceiptAskedNoneSent() {
        assertFalse(ReceiptSender.wanted(SMSCDeliveryReceipt.DEFAULT.value(), DeliveryReceiptState.DELIVRD));
        assertFalse(ReceiptSender.wanted(SMSCDeliveryReceipt.DEFAULT.value(), DeliveryReceiptState.UNDELIV));
    }

    @Test
    void messageStateMatchesTheFinalState() {
        assertEquals(MessageState.DELIVERED, ReceiptSender.messageState(DeliveryReceiptState.DELIVRD));
        assertEquals(MessageState.EXPIRED, ReceiptSender.messageState(DeliveryReceiptState.EXPIRED));
        assertEquals(MessageState.DELETED, ReceiptSender.messageState(DeliveryReceiptState.DELETED));
        assertEquals(MessageState.UNDELIVERABLE, ReceiptSender.messageState(DeliveryReceiptState.UNDELIV));
        assertEquals(MessageState.ACCEPTED, ReceiptSender.messageState(DeliveryReceiptState.ACCEPTD));
        assertEquals(MessageState.REJECTED, ReceiptSender.messageState(DeliveryReceiptState.REJECTD));
        assertEquals(MessageState.ENROUTE, ReceiptSender.messageState(DeliveryReceiptState.ENROUTE));
        assertEquals(MessageState.UNKNOWN, ReceiptSender.messageState(DeliveryReceiptState.UNKNOWN));
    }
}
