package vn.gov.eid.smsc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/** A real jSMPP client (ESME) that records the deliver_sm PDUs it gets. */
class TestEsme extends SMPPSession implements AutoCloseable {

    final BlockingQueue<DeliverSm> delivered = new LinkedBlockingQueue<>();

    TestEsme() {
        setTransactionTimer(2_000);
        setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                delivered.add(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {}

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
                return null;
            }
        });
    }

    static TestEsme bound(SmscSimulator smsc, String systemId, String password) throws IOException {
        TestEsme esme = new TestEsme();
        esme.connectAndBind(
                "localhost",
                smsc.smppPort(),
                new BindParameter(
                        BindType.BIND_TRX,
                        systemId,
                        password,
                        "",
                        TypeOfNumber.UNKNOWN,
                        NumberingPlanIndicator.UNKNOWN,
                        null));
        return esme;
    }

    String submit(String to, byte[] octets, DataCoding coding) throws Exception {
        return submitShortMessage(
                        "",
                        TypeOfNumber.ALPHANUMERIC,
                        NumberingPlanIndicator.UNKNOWN,
                        "BoCongAn",
                        TypeOfNumber.INTERNATIONAL,
                        NumberingPlanIndicator.ISDN,
                        to,
                        new ESMClass(),
                        (byte) 0,
                        (byte) 1,
                        null,
                        null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                        (byte) 0,
                        coding,
                        (byte) 0,
                        octets)
                .getMessageId();
    }

    String submitAscii(String to, String text) throws Exception {
        return submit(to, text.getBytes(StandardCharsets.US_ASCII), DataCodings.ZERO);
    }

    void ping() throws Exception {
        sendEnquireLink();
    }
}
