package vn.gov.eid.notification.messaging.in;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import vn.gov.eid.notification.messaging.EventTypes;
import vn.gov.eid.notification.service.SmsIntake;
import vn.gov.eid.platform.cloudevents.CloudEvent;
import vn.gov.eid.platform.consumer.ConsumedRecords;
import vn.gov.eid.platform.consumer.EventConsumer;

/**
 * Consumes SMS requests. The platform runs each record (signature, inbox, this handler) and retries passing database
 * failures in place, so a valid request is never dead-lettered; one that cannot become a message (bad CloudEvent,
 * missing fields) goes to the dead-letter topic with the reason, from which operators can re-drive it.
 */
@ApplicationScoped
public class SmsRequestConsumer implements EventConsumer {

    public static final String CHANNEL = "sms-requests";
    public static final String CONSUMER = "notification-service";

    @Inject
    ConsumedRecords records;

    @Inject
    SmsIntake intake;

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
        return Set.of(EventTypes.SMS_REQUESTED);
    }

    @Override
    public void handle(CloudEvent event) {
        intake.accept(event.dataAs(mapper, SmsRequested.class).toNewSms());
    }
}
