package vn.gov.eid.notification.messaging.in;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.gov.eid.notification.messaging.EventTypes;
import vn.gov.eid.notification.service.SmsIntake;
import vn.gov.eid.platform.inbox.Inbox;

/**
 * Consumes SMS requests. The inbox makes redelivery a no-op; a request that cannot become a message (bad
 * CloudEvent, missing fields) fails the transaction and goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class SmsRequestConsumer {

    public static final String CHANNEL = "sms-requests";
    public static final String CONSUMER = "notification-service";

    @Inject
    Inbox inbox;

    @Inject
    SmsIntake intake;

    @Inject
    ObjectMapper mapper;

    @Incoming(CHANNEL)
    @Blocking
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        inbox.accept(CONSUMER, record, Set.of(EventTypes.SMS_REQUESTED))
                .ifPresent(event ->
                        intake.accept(event.dataAs(mapper, SmsRequested.class).toNewSms()));
    }
}
