package vn.gov.eid.identity.messaging.in;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import vn.gov.eid.identity.messaging.EventTypes;
import vn.gov.eid.identity.service.DossierAccounts;
import vn.gov.eid.platform.cloudevents.CloudEvent;
import vn.gov.eid.platform.consumer.ConsumedRecords;
import vn.gov.eid.platform.consumer.EventConsumer;

/**
 * Consumes dossier lifecycle events; a completed dossier with an e-ID registration becomes an account. The platform
 * runs each record (signature, inbox, this handler) and retries passing database failures in place, so a valid
 * record is never dead-lettered; one that can never become an account goes to the dead-letter topic, from which
 * operators can re-drive it.
 */
@ApplicationScoped
public class DossierEventsConsumer implements EventConsumer {

    public static final String CHANNEL = "dossier-events";
    public static final String CONSUMER = "identity-service";

    @Inject
    ConsumedRecords records;

    @Inject
    DossierAccounts accounts;

    @Inject
    ObjectMapper mapper;

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return records.consume(this, message);
    }

    @Override
    public String name() {
        return CONSUMER;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Set<String> handledTypes() {
        return Set.of(EventTypes.DOSSIER_COMPLETED);
    }

    @Override
    public void handle(CloudEvent event) {
        DossierCompleted dossier = event.dataAs(mapper, DossierCompleted.class);
        if (dossier.eidRegistration() == null) {
            Log.debugf("dossier %s has no e-ID registration: no account", dossier.dossierId());
            return;
        }
        accounts.onDossierCompleted(dossier.registration());
    }
}
