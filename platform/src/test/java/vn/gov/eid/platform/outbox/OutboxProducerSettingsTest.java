package vn.gov.eid.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The relay's transactional id per replica, within what the broker's access rules allow each service. */
class OutboxProducerSettingsTest {

    @Test
    void eachReplicaHasItsOwnTransactionalIdUnderItsServicesPrefix() throws IOException {
        String id = OutboxProducer.transactionalId("/eid/dossier-service", "dossier-service-0");
        assertEquals("outbox-relay-eid-dossier-service-dossier-service-0", id);
        String rules = Files.readString(Path.of("../deploy/kafka/access.conf"));
        for (String service : new String[] {"dossier-service", "identity-service", "notification-service"}) {
            String prefix = OutboxProducer.transactionalId("/eid/" + service, "");
            assertTrue(
                    rules.contains("allow " + service + " Write TransactionalId " + prefix + " prefixed"),
                    "access.conf allows " + service + " the prefix " + prefix);
        }
    }

    @Test
    void aTransactionStaysOpenAtMostThreeSendTimeouts() {
        assertEquals(30_000, OutboxProducer.transactionTimeout(10_000));
        assertEquals(9_000, OutboxProducer.transactionTimeout(3_000));
        assertEquals(3_000, OutboxProducer.transactionTimeout(500));
    }
}
