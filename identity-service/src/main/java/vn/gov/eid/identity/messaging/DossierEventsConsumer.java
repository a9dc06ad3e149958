package vn.gov.eid.identity.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.gov.eid.identity.service.AccountService;
import vn.gov.eid.platform.inbox.Inbox;

/**
 * Consumes dossier lifecycle events; a completed dossier with an e-ID registration becomes an account.
 * The inbox makes redelivery a no-op; a record that cannot be handled goes to the dead-letter topic.
 */
@ApplicationScoped
public class DossierEventsConsumer {

    public static final String CHANNEL = "dossier-events";
    public static final String CONSUMER = "identity-service";
    public static final String DOSSIER_COMPLETED = "vn.gov.eid.dossier.completed.v1";

    @Inject
    Inbox inbox;

    @Inject
    AccountService accounts;

    @Inject
    ObjectMapper mapper;

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, Set.of(DOSSIER_COMPLETED))
                .ifPresent(event -> accounts.onDossierCompleted(event.dataAs(mapper, DossierCompleted.class)));
    }
}
