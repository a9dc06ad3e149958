package vn.gov.eid.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.gov.eid.notification.Fixtures.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.gov.eid.notification.service.SecretPurge;
import vn.gov.eid.testsupport.TestKafka;

/** The password and the full phone number appear in no log line, no topic record and no column. */
@QuarkusTest
class SecretHygieneTest {

    @Inject
    EntityManager em;

    @Inject
    SecretPurge purge;

    @ConfigProperty(name = "eid.sms.failed-retention")
    Duration retention;

    static final class Capture extends Handler {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord r) {
            String msg = String.valueOf(r.getMessage());
            if (r.getParameters() != null) {
                msg = msg + " " + Arrays.toString(r.getParameters());
            }
            if (r.getThrown() != null) {
                msg = msg + " " + r.getThrown();
            }
            lines.add(msg);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    @Test
    void passwordAndPhoneStayOutOfLogsTopicsAndColumns() {
        Capture capture = new Capture();
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        Request delivered;
        Request failed;
        try {
            delivered = send("INITIAL_CREDENTIAL");
            awaitState(delivered, "DELIVERED");
            SmscTestResource.smsc.reject(org.jsmpp.SMPPConstant.STAT_ESME_RINVDSTADR, 1);
            failed = send("CREDENTIAL_RESET");
            awaitState(failed, "FAILED");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> records(DLQ, failed.pid()).size() == 1);
        } finally {
            root.removeHandler(capture);
            SmscTestResource.smsc.clearFaults();
        }
        assertTrue(capture.lines.stream().anyMatch(l -> l.contains("submitted")), "sending was not logged at all");
        for (Request r : List.of(delivered, failed)) {
            for (String line : capture.lines) {
                assertFalse(line.contains(r.password()), "password in a log line: " + line);
                assertFalse(
                        line.contains(r.phone()) || line.contains(r.destination()),
                        "full phone in a log line: " + line);
            }
            for (String topic : List.of(STATUS, DLQ)) {
                TestKafka.readAll(topic).forEach(rec -> {
                    assertFalse(rec.value().contains(r.password()), "password on " + topic);
                    assertFalse(rec.value().contains(r.destination()), "full phone on " + topic);
                });
            }
            String row = row(r);
            assertFalse(row.contains(r.password()) || row.contains(r.destination()), "secret in a column: " + row);
        }
        assertTrue(row(delivered).contains("\"sealed\":null"), "ciphertext not erased: " + row(delivered));
        // A FAILED message keeps its ciphertext (never the plaintext) for operator retries, until the purge.
        assertFalse(row(failed).contains("\"sealed\":null"), "ciphertext of a FAILED message erased too early");
        purge.purgeFailedSecrets(Instant.now().plus(retention).plusSeconds(1));
        assertTrue(
                row(failed).contains("\"sealed\":null"), "ciphertext not erased after the retention: " + row(failed));
    }

    private String row(Request r) {
        return QuarkusTransaction.requiringNew()
                .call(() -> String.valueOf(em.createNativeQuery(
                                "select cast(row_to_json(m) as text) from sms_message m where personal_id_number = ?1")
                        .setParameter(1, r.pid())
                        .getSingleResult()));
    }
}
