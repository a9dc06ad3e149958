package vn.gov.eid.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import vn.gov.eid.notification.domain.FailureCategory;
import vn.gov.eid.notification.domain.HeldReceipt;
import vn.gov.eid.notification.domain.Purpose;
import vn.gov.eid.notification.domain.SmsAttempt;
import vn.gov.eid.notification.domain.SmsMessage;
import vn.gov.eid.notification.domain.SmsState;
import vn.gov.eid.notification.smpp.DeliveryReceiptReceived;
import vn.gov.eid.notification.smpp.SubmitOutcome;
import vn.gov.eid.platform.instance.InstanceId;

/**
 * Receipts and submit outcomes as several replicas meet them, on the real database: a receipt is matched through the
 * table whichever replica submitted (its id in hex or decimal), one that overtakes its submit's commit is held and
 * applied when the submit is recorded, a SUBMITTED message whose receipt never comes expires, an outcome that comes
 * after another replica took the message over changes nothing, and no final state is ever overwritten.
 */
@QuarkusTest
class ReceiptCorrelationTest {

    @Inject
    DeliveryReceipts receipts;

    @Inject
    SmsSender sender;

    @Inject
    InstanceId instance;

    @Inject
    EntityManager em;

    /** A stored message nobody will dispatch (next attempt far off), in the given state. */
    private static SmsMessage row(Purpose purpose, SmsState state) {
        Instant now = Instant.now();
        SmsMessage m = new SmsMessage();
        m.id = UUID.randomUUID();
        m.requestId = UUID.randomUUID();
        m.personalIdNumber =
                String.format("0012%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        m.purpose = purpose;
        m.phoneMasked = "+84******678";
        m.templateParams = "{}";
        m.sealed = "not-a-jwe";
        m.state = state;
        m.createdAt = now;
        m.queuedAt = now;
        m.updatedAt = now;
        m.nextAttemptAt = now.plus(Duration.ofDays(1));
        m.validUntil = now.plus(Duration.ofHours(72));
        return m;
    }

    private static SmsMessage reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> SmsMessage.findById(id));
    }

    private SmsSender.Claim claimedHere(SmsMessage m) {
        m.state = SmsState.SENDING;
        m.attempts = 1;
        m.leaseOwner = instance.get();
        m.leaseUntil = Instant.now().plusSeconds(60);
        QuarkusTransaction.requiringNew().run(() -> {
            m.persist();
            SmsAttempt.start(m.id, 1, instance.get(), Instant.now()).persist();
        });
        return new SmsSender.Claim(m, 1);
    }

    private static String smscId() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 48));
    }

    /** A SUBMITTED message whose submit_sm_resp gave {@code smscId}. */
    private static SmsMessage submitted(Purpose purpose, String smscId) {
        SmsMessage m = row(purpose, SmsState.SUBMITTED);
        m.recordSmscId(smscId);
        m.submittedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> m.persist());
        return m;
    }

    @Test
    void aReceiptQuotingTheIdAsSubmittedFindsItsMessageAndNoOtherWhoseIdIsAnotherReadingOfIt() {
        // the test profile's SMSC quotes ids as submitted (the default): "26" is message B's id, not 0x1a
        String base = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000L, 9_000_000L));
        SmsMessage a = submitted(Purpose.UPGRADE_NOTICE, Long.toHexString(Long.parseLong(base)));
        SmsMessage b = submitted(Purpose.UPGRADE_NOTICE, "00" + base);

        receipts.onReceipt(new DeliveryReceiptReceived(base, "UNDELIV", "001"));

        assertEquals(SmsState.FAILED, reload(b.id).state);
        assertEquals(SmsState.SUBMITTED, reload(a.id).state, "a hex reading of the id is another message");
    }

    @Test
    void aReceiptForAMessageAlreadyFinalDoesNotTouchIt() {
        SmsMessage m = submitted(Purpose.UPGRADE_NOTICE, smscId());
        receipts.onReceipt(new DeliveryReceiptReceived(m.smscMessageId, "DELIVRD", "000"));
        receipts.onReceipt(new DeliveryReceiptReceived(m.smscMessageId, "UNDELIV", "001"));
        assertEquals(SmsState.DELIVERED, reload(m.id).state);
    }

    @Test
    void aReceiptThatOvertakesItsSubmitIsHeldAndAppliedWhenTheSubmitIsRecorded() {
        SmsMessage m = row(Purpose.INITIAL_CREDENTIAL, SmsState.QUEUED);
        SmsSender.Claim claim = claimedHere(m);
        String id = smscId();

        receipts.onReceipt(new DeliveryReceiptReceived(id, "UNDELIV", "001"));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> HeldReceipt.count("smscIdKey", id)));

        receipts.recordingSubmit(id, () -> sender.apply(claim, new SubmitOutcome.Submitted(id), null));

        SmsMessage after = reload(m.id);
        assertEquals(SmsState.FAILED, after.state);
        assertEquals(FailureCategory.SMSC_UNDELIV, after.failureCategory);
        assertEquals(id, after.smscMessageId);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> HeldReceipt.count("smscIdKey", id)));
    }

    @Test
    void aSubmittedMessageWithoutReceiptExpiresOnceItsValidityAndGraceAreOver() {
        SmsMessage m = row(Purpose.PHONE_LINKED, SmsState.SUBMITTED);
        m.recordSmscId(smscId());
        m.submittedAt = Instant.now().minus(Duration.ofHours(25));
        m.validUntil = Instant.now().minus(Duration.ofHours(1));
        SmsMessage young = row(Purpose.PHONE_LINKED, SmsState.SUBMITTED);
        young.recordSmscId(smscId());
        young.submittedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            m.persist();
            young.persist();
        });

        receipts.expireUnanswered();

        SmsMessage after = reload(m.id);
        assertEquals(SmsState.EXPIRED, after.state);
        assertEquals(FailureCategory.NO_RECEIPT, after.failureCategory);
        assertNull(after.sealed, "an expired message keeps no ciphertext");
        assertEquals(SmsState.SUBMITTED, reload(young.id).state, "still within its validity");
    }

    /** Ends a test's row that a replica could otherwise take over later in the suite. */
    private static void retire(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            SmsMessage m = SmsMessage.findById(id);
            m.state = SmsState.FAILED;
            m.sealed = null;
        });
    }

    @Test
    void anOutcomeAfterAnotherReplicaTookTheMessageOverOnlyRecordsTheAttempt() {
        SmsMessage m = row(Purpose.INITIAL_CREDENTIAL, SmsState.QUEUED);
        SmsSender.Claim claim = claimedHere(m);
        // the lease lapsed; another replica took the message over and is sending it (attempt 2)
        QuarkusTransaction.requiringNew().run(() -> {
            SmsMessage taken = SmsMessage.findById(m.id);
            taken.leaseOwner = "notification-service-other";
            taken.attempts = 2;
        });

        String id = smscId();
        receipts.recordingSubmit(id, () -> sender.apply(claim, new SubmitOutcome.Submitted(id), null));

        SmsMessage after = reload(m.id);
        assertEquals(SmsState.SENDING, after.state);
        assertEquals("notification-service-other", after.leaseOwner);
        assertNull(after.smscMessageId);
        SmsAttempt attempt = QuarkusTransaction.requiringNew().call(() -> SmsAttempt.of(m.id, 1));
        assertEquals(SmsAttempt.Outcome.SUBMITTED, attempt.outcome);
        assertEquals(id, attempt.smscMessageId);
        retire(m.id);
    }

    @Test
    void anAcceptedSubmitStillCountsWhenTheTakenOverMessageWaitsToBeResent() {
        SmsMessage m = row(Purpose.INITIAL_CREDENTIAL, SmsState.QUEUED);
        SmsSender.Claim claim = claimedHere(m);
        QuarkusTransaction.requiringNew().run(() -> {
            SmsMessage taken = SmsMessage.findById(m.id);
            taken.state = SmsState.QUEUED;
            taken.leaseOwner = null;
            taken.uncertainAttempts = 1;
            taken.nextAttemptAt = Instant.now().plus(Duration.ofDays(1));
            SmsAttempt.of(m.id, 1).end(SmsAttempt.Outcome.ABANDONED, "claim lapsed", null, Instant.now());
        });

        String id = smscId();
        receipts.recordingSubmit(id, () -> sender.apply(claim, new SubmitOutcome.Submitted(id), null));

        SmsMessage after = reload(m.id);
        assertEquals(SmsState.SUBMITTED, after.state, "not sent a second time");
        assertEquals(id, after.smscMessageId);
        assertEquals(0, after.uncertainAttempts, "the abandoned attempt's outcome is known now");
    }

    @Test
    void theDatabaseRefusesToOverwriteAFinalState() {
        SmsMessage delivered = row(Purpose.UPGRADE_NOTICE, SmsState.DELIVERED);
        SmsMessage failed = row(Purpose.UPGRADE_NOTICE, SmsState.FAILED);
        QuarkusTransaction.requiringNew().run(() -> {
            delivered.persist();
            failed.persist();
        });

        for (String change : new String[] {
            "update sms_message set state = 'QUEUED' where id = '" + delivered.id + "'",
            "update sms_message set state = 'SUBMITTED' where id = '" + failed.id + "'"
        }) {
            Exception refused = assertThrows(
                    Exception.class,
                    () -> QuarkusTransaction.requiringNew()
                            .run(() -> em.createNativeQuery(change).executeUpdate()),
                    change);
            StringBuilder chain = new StringBuilder();
            for (Throwable t = refused; t != null; t = t.getCause()) {
                chain.append(t.getMessage()).append(" | ");
            }
            assertTrue(
                    chain.toString().contains("final state DELIVERED cannot become QUEUED")
                            || chain.toString().contains("FAILED can only be re-queued, not become SUBMITTED"),
                    chain.toString());
        }
        assertEquals(SmsState.DELIVERED, reload(delivered.id).state);
        assertEquals(SmsState.FAILED, reload(failed.id).state);
        // an operator's retry (FAILED -> QUEUED) stays possible
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update sms_message set state = 'QUEUED', next_attempt_at = now() +"
                                + " interval '1 day' where id = '" + failed.id + "'")
                        .executeUpdate());
        assertNotNull(reload(failed.id));
        assertEquals(SmsState.QUEUED, reload(failed.id).state);
    }
}
