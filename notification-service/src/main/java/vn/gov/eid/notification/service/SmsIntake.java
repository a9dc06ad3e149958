package vn.gov.eid.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import vn.gov.eid.notification.config.SmsConfig;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.messaging.out.SmsEvents;

/**
 * Intake: an SMS request becomes a stored QUEUED message, once per request id, with its first status event.
 */
@ApplicationScoped
public class SmsIntake {

    @Inject
    SmsEvents events;

    @Inject
    ObjectMapper mapper;

    @Inject
    Event<SmsQueued> queued;

    @Inject
    SealedSmsOpener opener;

    @Inject
    SmsConfig config;

    /**
     * Persists a new request as QUEUED in the caller's transaction; a request id already known is ignored.
     *
     * @throws IllegalArgumentException when its sealed part cannot be opened or belongs to another record (nothing
     *     is stored; the consumer dead-letters the record)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accept(NewSms request) {
        // opened once here only to refuse a sealed secret moved from another record; the plaintext is dropped
        opener.open(request.sealed(), request.personalIdNumber(), request.requestId());
        if (SmsMessage.count("requestId", request.requestId()) > 0) {
            Log.infof("SMS request %s already known; ignored", request.requestId());
            return;
        }
        Instant now = Instant.now();
        SmsMessage m = new SmsMessage();
        m.id = UUID.randomUUID();
        m.requestId = request.requestId();
        m.personalIdNumber = request.personalIdNumber();
        m.purpose = request.purpose();
        m.phoneMasked = request.phoneMasked();
        m.templateParams = json(request.templateParams());
        m.sealed = request.sealed();
        m.state = SmsState.QUEUED;
        m.nextAttemptAt = now;
        m.createdAt = now;
        m.queuedAt = now;
        m.updatedAt = now;
        m.validUntil = validUntil(request, now);
        m.persist();
        events.statusChanged(m, null);
        queued.fire(new SmsQueued(m.id));
        Log.infof("SMS %s (%s) to %s queued", m.id, m.purpose, m.phoneMasked);
    }

    /**
     * The request's validUntil, else a default by purpose; never later than the default says, so that a forged or
     * mistaken far-future value cannot keep a message alive for years.
     */
    private Instant validUntil(NewSms request, Instant now) {
        Duration longest = request.purpose().carriesPassword() ? config.credentialValidity() : config.validityPeriod();
        Instant cap = now.plus(longest);
        return request.validUntil() == null || request.validUntil().isAfter(cap) ? cap : request.validUntil();
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("template parameters are not serialisable", e);
        }
    }
}
