package vn.gov.eid.notification.smpp;

import io.quarkus.logging.Log;
import jakarta.enterprise.event.Event;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;

/**
 * Receives deliver_sm: delivery receipts are passed on as CDI events; anything else (mobile-originated) is ignored.
 */
final class ReceiptListener implements MessageReceiverListener {

    private final Event<DeliveryReceiptReceived> receipts;

    ReceiptListener(Event<DeliveryReceiptReceived> receipts) {
        this.receipts = receipts;
    }

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
            receipts.fire(
                    new DeliveryReceiptReceived(id, String.valueOf(receipt.getFinalStatus()), receipt.getError()));
        } catch (Exception e) {
            Log.warnf("delivery receipt not handled: %s", e.toString());
            throw new ProcessRequestException("receipt not handled", SMPPConstant.STAT_ESME_RX_T_APPN);
        }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {}

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
        throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
