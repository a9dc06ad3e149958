package vn.gov.eid.smsc;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageClass;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmscSimulatorTest {

    private static final String TO = "84912345678";

    private SmscSimulator smsc;

    @BeforeEach
    void start() {
        smsc = SmscSimulator.start(0, 0, "eid", "secret");
    }

    @AfterEach
    void stop() {
        smsc.close();
    }

    @Test
    void bindSubmitAndReceiveDeliveryReceipt() throws Exception {
        try (TestEsme esme = TestEsme.bound(smsc, "eid", "secret")) {
            String id = esme.submitAscii(TO, "Mat khau tam thoi: Abc123xyz . Doi mat khau");

            List<ReceivedSms> received = smsc.received();
            assertEquals(1, received.size());
            ReceivedSms sms = received.get(0);
            assertEquals(id, sms.smscMessageId());
            assertEquals("BoCongAn", sms.sourceAddress());
            assertEquals(TO, sms.destinationAddress());
            assertEquals("Mat khau tam thoi: Abc123xyz . Doi mat khau", sms.text());

            DeliverSm receipt = esme.delivered.poll(5, TimeUnit.SECONDS);
            assertNotNull(receipt, "no delivery receipt");
            assertTrue(receipt.isSmscDeliveryReceipt());
            DeliveryReceipt parsed = receipt.getShortMessageAsDeliveryReceipt();
            assertEquals(id, parsed.getId());
            assertEquals(DeliveryReceiptState.DELIVRD, parsed.getFinalStatus());
            assertFalse(
                    new String(receipt.getShortMessage(), StandardCharsets.US_ASCII).contains("Abc123xyz"),
                    "a receipt must not echo the text");
        }
    }

    @Test
    void delayedSubmitResponsesLetSeveralSubmitsBeOutstanding() throws Exception {
        smsc.delaySubmitResponses(300);
        try (TestEsme esme = TestEsme.bound(smsc, "eid", "secret")) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                long start = System.nanoTime();
                List<java.util.concurrent.Future<String>> ids = new java.util.ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String to = TO.substring(0, TO.length() - 1) + i;
                    ids.add(pool.submit(() -> esme.submitAscii(to, "Tai khoan da duoc nang len muc 2.")));
                }
                for (java.util.concurrent.Future<String> id : ids) {
                    assertNotNull(id.get(5, TimeUnit.SECONDS));
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis >= 300, "answered after the delay: " + millis + " ms");
                assertEquals(4, smsc.received().size());
                assertTrue(smsc.maxOutstandingSubmits() >= 2, "outstanding: " + smsc.maxOutstandingSubmits());
            } finally {
                pool.shutdownNow();
            }
            smsc.clearFaults();
            smsc.resetMaxOutstandingSubmits();
            assertEquals(FaultModes.none(), smsc.faults(), "cleared");
            assertNotNull(esme.submitAscii(TO, "Tai khoan da duoc nang len muc 2."));
            assertEquals(1, smsc.maxOutstandingSubmits());
        }
    }

    @Test
    void answersEnquireLink() throws Exception {
        try (TestEsme esme = TestEsme.bound(smsc, "eid", "secret")) {
            esme.ping();
            assertTrue(esme.getSessionState().isBound());
        }
    }

    @Test
    void decodesGsmDefaultAlphabetAndUcs2() throws Exception {
        try (TestEsme esme = TestEsme.bound(smsc, "eid", "secret")) {
            // GSM 03.38: '@' = 0x00, '$' = 0x02, '_' = 0x11, '{' = ESC 0x28.
            byte[] gsm = {'P', 'w', ':', 0x00, 0x02, 0x11, 0x1b, 0x28, '9'};
            esme.submit(TO, gsm, new GeneralDataCoding(Alphabet.ALPHA_DEFAULT, MessageClass.CLASS1, false));
            esme.submit(TO, gsm, new GeneralDataCoding(Alphabet.ALPHA_DEFAULT));
            esme.submit(
                    TO,
                    "Mật khẩu tạm thời".getBytes(StandardCharsets.UTF_16BE),
                    new GeneralDataCoding(Alphabet.ALPHA_UCS2));

            List<ReceivedSms> received = smsc.received();
            assertEquals("Pw:@$_{9", received.get(0).text());
            assertEquals("Pw:@$_{9", received.get(1).text());
            assertEquals("Mật khẩu tạm thời", received.get(2).text());
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        IOException refused = assertThrows(IOException.class, () -> TestEsme.bound(smsc, "eid", "wrong"));
        assertTrue(refused.getMessage().contains("0000000e"), refused.getMessage());
        IOException unknown = assertThrows(IOException.class, () -> TestEsme.bound(smsc, "someone-else", "secret"));
        assertTrue(unknown.getMessage().contains("0000000f"), unknown.getMessage());
        assertEquals(0, smsc.bindCount());
    }

    @Test
    void throttleAnswersRthrottledThenRecovers() throws Exception {
        smsc.throttle(2);
        try (TestEsme esme = TestEsme.bound(smsc, "eid", "secret")) {
            for (int i = 0; i < 2; i++) {
                NegativeResponseException e =
                        assertThrows(NegativeResponseException.class, () -> esme.submitAscii(TO, "hello"));
                assertEquals(SMPPConstant.STAT_ESME_RTHROTTLED, e.getCommandStatus());
            }
            assertNotNull(esme.submitAscii(TO, "hello"));
        }
        assertEquals(3, smsc.submitCount());
        assertEquals(1, smsc.received().size());
    }

    @Test
    void rejectWithGivenStatusUntilCleared() throws Exception {
        smsc.reject(SMPPConstant.STAT_ESME_RINVDSTADR, FaultModes.ALWAYS);
        try (TestEsme esme = TestEsme.bound(smsc, "eid", "secret")) {
            for (int i = 0; i < 3; i++) {
                NegativeResponseException e =
                        assertThrows(NegativeResponseException.class, () -> esme.submitAscii(TO, "hello"));
                assertEquals(SMPPConstant.STAT_ESME_RINVDSTADR, e.getCommandStatus());
            }
            assertTrue(smsc.received().isEmpty());
            smsc.clearFaults();
            assertNotNull(esme.submitAscii(TO, "hello"));
        }
        assertEquals(1, smsc.received().size());
    }

    @Test
    void dropConnectionClosesTheSessionWithoutAnswer() throws Exception {
        smsc.dropConnectionOnSubmit(1);
        TestEsme esme = TestEsme.bound(smsc, "eid", "secret");
        assertThrows(Exception.class, () -> esme.submitAscii(TO, "lost"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !esme.getSessionState().isNotClosed());
        assertTrue(smsc.received().isEmpty(), "a dropped submit is not accepted");

        try (TestEsme again = TestEsme.bound(smsc, "eid", "secret")) {
            assertNotNull(again.submitAscii(TO, "after re-bind"));
        }
        assertEquals(2, smsc.bindCount());
        assertEquals(
                List.of("after re-bind"),
                smsc.received().stream().map(ReceivedSms::text).toList());
    }

    @Test
    void dropAfterAcceptKeepsTheMessageButNeverAnswers() throws Exception {
        smsc.dropConnectionAfterAccepting(1);
        TestEsme esme = TestEsme.bound(smsc, "eid", "secret");
        assertThrows(Exception.class, () -> esme.submitAscii(TO, "went out unanswered"));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !esme.getSessionState().isNotClosed());
        assertEquals(
                List.of("went out unanswered"),
                smsc.received().stream().map(ReceivedSms::text).toList(),
                "the handset got it although the ESME heard nothing");
        assertTrue(esme.delivered.isEmpty(), "no receipt on a connection that is gone");
        assertEquals(smsc.received(), smsc.acceptedUnanswered());

        try (TestEsme again = TestEsme.bound(smsc, "eid", "secret")) {
            assertNotNull(again.submitAscii(TO, "after re-bind"));
        }
        assertEquals(2, smsc.received().size());
        assertEquals(1, smsc.acceptedUnanswered().size(), "the answered one is not listed");
    }

    @Test
    void dropConnectionsNowCutsBoundSessions() throws Exception {
        TestEsme esme = TestEsme.bound(smsc, "eid", "secret");
        await().atMost(Duration.ofSeconds(5)).until(() -> smsc.boundSessions() == 1);
        smsc.dropConnections();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !esme.getSessionState().isNotClosed());
    }

    @Test
    void delayedReceiptsArriveAfterTheDelay() throws Exception {
        smsc.delayReceipts(800);
        try (TestEsme esme = TestEsme.bound(smsc, "eid", "secret")) {
            long start = System.nanoTime();
            String id = esme.submitAscii(TO, "hello");
            DeliverSm receipt = esme.delivered.poll(5, TimeUnit.SECONDS);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertNotNull(receipt);
            assertEquals(id, receipt.getShortMessageAsDeliveryReceipt().getId());
            assertTrue(elapsedMs >= 800, "receipt came after " + elapsedMs + " ms");
        }
    }

    @Test
    void withheldReceiptsAreNeverSent() throws Exception {
        smsc.withholdReceipts(true);
        try (TestEsme esme = TestEsme.bound(smsc, "eid", "secret")) {
            String withheld = esme.submitAscii(TO, "first");
            smsc.withholdReceipts(false);
            String sent = esme.submitAscii(TO, "second");

            DeliverSm receipt = esme.delivered.poll(5, TimeUnit.SECONDS);
            assertNotNull(receipt);
            assertEquals(sent, receipt.getShortMessageAsDeliveryReceipt().getId());
            assertNull(esme.delivered.poll(300, TimeUnit.MILLISECONDS), "receipt for " + withheld + " was sent");
        }
        assertEquals(2, smsc.received().size());
    }

    @Test
    void receiptCanReportUndeliverable() throws Exception {
        smsc.receiptState("UNDELIV");
        try (TestEsme esme = TestEsme.bound(smsc, "eid", "secret")) {
            String id = esme.submitAscii(TO, "hello");
            DeliveryReceipt receipt = esme.delivered.poll(5, TimeUnit.SECONDS).getShortMessageAsDeliveryReceipt();
            assertEquals(id, receipt.getId());
            assertEquals(DeliveryReceiptState.UNDELIV, receipt.getFinalStatus());
        }
    }

    @Test
    void httpListsMessagesSetsFaultsAndClears() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://localhost:" + smsc.httpPort();
        try (TestEsme esme = TestEsme.bound(smsc, "eid", "secret")) {
            esme.submitAscii(TO, "Ten dang nhap: 001203012345 <b>");

            HttpResponse<String> list = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/messages")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, list.statusCode());
            assertTrue(list.body().contains("\"text\":\"Ten dang nhap: 001203012345 <b>\""), list.body());
            assertTrue(list.body().contains("\"destinationAddress\":\"" + TO + "\""), list.body());
            assertTrue(list.body().contains("\"receivedAt\":\"20"), "ISO time expected: " + list.body());

            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(page.body().contains("Ten dang nhap: 001203012345 &lt;b&gt;"), page.body());

            HttpResponse<String> faults = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/faults"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"throttle\":1}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, faults.statusCode());
            NegativeResponseException e =
                    assertThrows(NegativeResponseException.class, () -> esme.submitAscii(TO, "throttled"));
            assertEquals(SMPPConstant.STAT_ESME_RTHROTTLED, e.getCommandStatus());

            HttpResponse<String> bad = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/faults"))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"receiptStat\":\"NOPE\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, bad.statusCode());

            HttpResponse<String> cleared = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/api/messages"))
                            .DELETE()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, cleared.statusCode());
            assertTrue(smsc.received().isEmpty());
        }
    }

    @Test
    void closeReleasesThePorts() throws Exception {
        int port = smsc.smppPort();
        smsc.close();
        // the listener thread lets go of the socket just after close() returns: allow it a moment
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        boolean refused = false;
        while (!refused && System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket("localhost", port)) {
                Thread.sleep(50);
            } catch (IOException e) {
                refused = true;
            }
        }
        assertTrue(refused, "port " + port + " still accepts connections after close");
        // and the same port can be taken again, as a restarted simulator would
        smsc = SmscSimulator.start(port, 0, "eid", "secret");
        assertEquals(port, smsc.smppPort());
    }
}
