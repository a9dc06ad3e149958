package vn.gov.eid.identity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.identity.Fixtures.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The temporary password and the phone number appear in no log line, no database column and no response. */
@QuarkusTest
class SecretHygieneTest {

    @Inject
    EntityManager em;

    /** Collects every log record of the process while a test runs. */
    static final class Capture extends Handler {
        final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord r) {
            String msg = r.getMessage();
            if (r.getParameters() != null) {
                msg = msg + " " + Arrays.toString(r.getParameters());
            }
            if (r.getThrown() != null) {
                msg = msg + " " + r.getThrown();
            }
            lines.add(String.valueOf(msg));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void passwordAndPhoneStayOutOfLogsColumnsAndResponses() {
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String pid = newPersonalId();
            String phone = newPhone();
            sendCompleted(pid, phone);
            ConsumerRecord<String, String> sms = awaitRecords(SMS_TOPIC, pid, "vn.gov.eid.sms.requested.v1", 1)
                    .get(0);
            String temp = (String) openSms(sms).get("password");
            String tokenBody = login(pid, temp).asString();
            String restricted = json(tokenBody).get("access_token").asText();
            given().auth()
                    .oauth2(restricted)
                    .contentType("application/json")
                    .body(Map.of("currentPassword", temp, "newPassword", "Hygiene_2026"))
                    .post("/api/v1/auth/password")
                    .then()
                    .statusCode(204);
            login(pid, "Wrong_" + temp).then().statusCode(401);
            String accountBody = given().auth()
                    .oauth2(operatorToken())
                    .get("/api/v1/accounts/" + pid)
                    .asString();

            assertTrue(
                    capture.lines.stream().anyMatch(l -> l.contains(pid)),
                    "the account creation was not logged at all");
            for (String line : capture.lines) {
                assertFalse(line.contains(temp), "temporary password in a log line");
                assertFalse(line.contains("Hygiene_2026"), "new password in a log line");
                assertFalse(line.contains(phone), "full phone number in a log line");
            }
            for (String body : List.of(tokenBody, accountBody)) {
                assertFalse(body.contains(temp) || body.contains(phone), "secret or phone in a response");
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("select * from citizen_account where personal_id_number = ?1")
                            .setParameter(1, pid)
                            .getResultList());
            assertTrue(rows.size() == 1);
            for (Object column : rows.get(0)) {
                String value = String.valueOf(column);
                assertFalse(value.contains(temp) || value.contains("Hygiene_2026"), "a password in clear in a column");
            }
            @SuppressWarnings("unchecked")
            List<String> outbox = QuarkusTransaction.requiringNew()
                    .call(() -> em.createNativeQuery("select payload::text from outbox_event where event_key = ?1")
                            .setParameter(1, pid)
                            .getResultList());
            assertFalse(outbox.isEmpty());
            outbox.forEach(p -> assertFalse(p.contains(temp) || p.contains(phone), "secret in an outbox row"));
        } finally {
            root.removeHandler(capture);
        }
    }
}
