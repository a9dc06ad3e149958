package vn.gov.eid.identity.messaging.in;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.gov.eid.identity.messaging.EventTypes;
import vn.gov.eid.identity.service.DossierAccounts;
import vn.gov.eid.platform.inbox.Inbox;

/**
 * Consumes dossier lifecycle events; a completed dossier with an e-ID registration becomes an account.
 * The inbox makes redelivery a no-op; a record that cannot be handled goes to the dead-letter topic.
 */
@ApplicationScoped
public class DossierEventsConsumer {

    public static final String CHANNEL = "dossier-events";
    public static final String CONSUMER = "identity-service";

    @Inject
    Inbox inbox;

    @Inject
    DossierAccounts accounts;

    @Inject
    ObjectMapper mapper;

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, Set.of(EventTypes.DOSSIER_COMPLETED))
                .ifPresent(event -> onCompleted(event.dataAs(mapper, DossierCompleted.class)));
    }

    private void onCompleted(DossierCompleted dossier) {
        if (dossier.eidRegistration() == null) {
            Log.debugf("dossier %s has no e-ID registration: no account", dossier.dossierId());
            return;
        }
        accounts.onDossierCompleted(dossier.registration());
    }
}
