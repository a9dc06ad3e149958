package vn.gov.eid.smsc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executors;
import org.jsmpp.util.DeliveryReceiptState;

/**
 * The simulator's HTTP side: lets a person read the received SMS and lets tests or operators set fault modes.
 */
final class SimulatorHttp {

    private final SmscSimulator simulator;
    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    SimulatorHttp(SmscSimulator simulator, int port) throws IOException {
        this.simulator = simulator;
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        server.setExecutor(Executors.newFixedThreadPool(2, DaemonThreads.named("smsc-http")));
        server.createContext("/api/messages", this::messages);
        server.createContext("/api/faults", this::faults);
        server.createContext("/", this::page);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    private void messages(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> send(exchange, 200, "application/json", json.writeValueAsBytes(simulator.received()));
            case "DELETE" -> {
                simulator.clearReceived();
                send(exchange, 204, null, new byte[0]);
            }
            default -> send(exchange, 405, "text/plain", "method not allowed".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void faults(HttpExchange exchange) throws IOException {
        switch (exchange.getRequestMethod()) {
            case "GET" -> send(exchange, 200, "application/json", json.writeValueAsBytes(simulator.faults()));
            case "POST" -> {
                JsonNode body;
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] bytes = in.readAllBytes();
                    body = bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
                } catch (IOException e) {
                    send(
                            exchange,
                            400,
                            "text/plain",
                            ("invalid JSON: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
                    return;
                }
                try {
                    FaultModes modes = faultModes(body);
                    simulator.setFaults(modes);
                    if (body.path("dropConnectionsNow").asBoolean(false)) {
                        simulator.dropConnections();
                    }
                    send(exchange, 200, "application/json", json.writeValueAsBytes(modes));
                } catch (IllegalArgumentException e) {
                    send(exchange, 400, "text/plain", e.getMessage().getBytes(StandardCharsets.UTF_8));
                }
            }
            default -> send(exchange, 405, "text/plain", "method not allowed".getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The fault modes a POST body describes. Absent members mean "off": a POST describes the whole fault state.
     *
     * @throws IllegalArgumentException for a receipt state jSMPP does not know or a negative receipt delay
     */
    static FaultModes faultModes(JsonNode body) {
        FaultModes modes = new FaultModes(
                body.path("throttle").asInt(0),
                body.path("reject").asInt(0),
                body.path("rejectStatus").asInt(0x0b),
                body.path("dropConnection").asInt(0),
                body.path("dropConnectionAfterAccept").asInt(0),
                body.path("receiptDelayMs").asLong(0),
                body.path("withholdReceipts").asBoolean(false),
                body.path("receiptStat").asText("DELIVRD"));
        DeliveryReceiptState.valueOf(modes.receiptStat());
        return modes;
    }

    private void page(HttpExchange exchange) throws IOException {
        if (!"/".equals(exchange.getRequestURI().getPath())) {
            send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<ReceivedSms> messages = simulator.received();
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>SMSC simulator</title>
                <style>body{font-family:sans-serif;margin:2em}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}
                table{border-collapse:collapse}</style></head><body>
                <h1>SMSC simulator: received SMS</h1>
                """);
        html.append("<p>")
                .append(messages.size())
                .append(" message(s), SMPP port ")
                .append(simulator.smppPort())
                .append(
                        ". JSON: <a href=\"/api/messages\">/api/messages</a>, fault modes: <a href=\"/api/faults\">/api/faults</a></p>\n");
        html.append("<table><tr><th>Received</th><th>SMSC id</th><th>From</th><th>To</th><th>Text</th></tr>\n");
        for (int i = messages.size() - 1; i >= 0; i--) {
            ReceivedSms sms = messages.get(i);
            html.append("<tr><td>")
                    .append(sms.receivedAt())
                    .append("</td><td>")
                    .append(escape(sms.smscMessageId()))
                    .append("</td><td>")
                    .append(escape(sms.sourceAddress()))
                    .append("</td><td>")
                    .append(escape(sms.destinationAddress()))
                    .append("</td><td>")
                    .append(escape(sms.text()))
                    .append("</td></tr>\n");
        }
        html.append("</table></body></html>\n");
        send(exchange, 200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
