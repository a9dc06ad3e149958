package vn.gov.eid.identity.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;
import vn.gov.eid.identity.config.IdentityConfig;
import vn.gov.eid.identity.domain.AccountAudit;
import vn.gov.eid.identity.domain.AccountStatus;
import vn.gov.eid.identity.domain.CitizenAccount;
import vn.gov.eid.identity.domain.PersonalIdNumber;
import vn.gov.eid.identity.domain.RecoveryCode;
import vn.gov.eid.identity.messaging.out.AccountEvents;
import vn.gov.eid.identity.messaging.out.AccountEvents.SmsPurpose;
import vn.gov.eid.platform.crypto.Sealing;
import vn.gov.eid.platform.privacy.Masking;

/** Turns the e-ID registrations of completed dossiers into accounts: creates, upgrades or updates them. */
@ApplicationScoped
public class DossierAccounts {

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    @Inject
    IdentityConfig config;

    @Inject
    TemporaryPasswords temporaryPasswords;

    @Inject
    AccountContacts contacts;

    @Inject
    AccountEvents events;

    @Inject
    ObjectMapper mapper;

    private PrivateKey contactKey;

    /** Plaintext of a registration's sealedContact, bound to the citizen and the dossier it was sealed for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(String phoneNumber, String email, String personalIdNumber, String dossierId) {}

    @PostConstruct
    void loadKey() {
        config.contactPrivateKeyLocation().filter(s -> !s.isBlank()).ifPresent(l -> contactKey = Sealing.privateKey(l));
    }

    /**
     * Handles a completed dossier's e-ID registration inside the consumer's transaction: a new level-2 account with a
     * temporary password, its account-created event and the SMS request, all committed together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onDossierCompleted(DossierRegistration dossier) {
        String pid = dossier.personalIdNumber();
        if (!PersonalIdNumber.isValid(pid)) {
            throw new IllegalArgumentException("dossier " + dossier.dossierId() + " has no valid personal ID number");
        }
        CitizenAccount existing = CitizenAccount.findById(pid, LockModeType.PESSIMISTIC_WRITE);
        Contact contact = openContact(dossier);
        if (existing != null) {
            updateExisting(existing, dossier, contact);
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        CitizenAccount a = new CitizenAccount();
        a.personalIdNumber = pid;
        a.level = 2;
        a.status = AccountStatus.PENDING_ACTIVATION;
        String password = temporaryPasswords.issue(a, now);
        contacts.set(a, contact.phoneNumber(), contact.email());
        a.fullName = dossier.fullName();
        a.dossierId = dossier.dossierId();
        a.integratedDocuments = documents(dossier);
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        AccountAudit.record(pid, "CREATED", "dossier:" + dossier.dossierId(), null, now);
        events.created(a);
        events.smsRequested(a, contact.phoneNumber(), SmsPurpose.INITIAL_CREDENTIAL, password);
        Log.infof(
                "account %s created (level 2) from dossier %s; initial credential SMS requested to %s",
                pid, dossier.dossierId(), Masking.phone(contact.phoneNumber()));
    }

    /**
     * A completed dossier for a citizen who already has an account: a level-1 (self-registered) account becomes
     * level 2 and keeps its password; a level-2 account gets the new contact data and integrated documents. No
     * new password either way; an SMS tells the citizen what happened. When the phone number changes, the old number
     * gets a notice and whatever was sent to it dies: a live temporary password and a live recovery code.
     */
    private void updateExisting(CitizenAccount a, DossierRegistration dossier, Contact contact) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String oldPhone = contacts.phone(a);
        String phone = contact.phoneNumber();
        boolean phoneChanged = !phone.equals(oldPhone);
        contacts.set(a, phone, contact.email());
        a.fullName = dossier.fullName();
        a.integratedDocuments = documents(dossier);
        a.dossierId = dossier.dossierId();
        a.updatedAt = now;
        if (a.level < 2) {
            int previous = a.level;
            a.level = 2;
            AccountAudit.record(a.personalIdNumber, "UPGRADED", "dossier:" + dossier.dossierId(), null, now);
            if (phoneChanged) {
                unlinkOldPhone(a, oldPhone, dossier, now);
            }
            events.upgraded(a, previous);
            events.smsRequested(a, phone, SmsPurpose.UPGRADE_NOTICE, null);
            Log.infof(
                    "account %s upgraded from level %d to 2 by dossier %s; notice SMS requested to %s",
                    a.personalIdNumber, previous, dossier.dossierId(), Masking.phone(phone));
            return;
        }
        AccountAudit.record(a.personalIdNumber, "CONTACT_UPDATED", "dossier:" + dossier.dossierId(), null, now);
        if (phoneChanged) {
            unlinkOldPhone(a, oldPhone, dossier, now);
            // The new number learns it is linked.
            events.smsRequested(a, phone, SmsPurpose.PHONE_LINKED, null);
            Log.infof(
                    "account %s: phone changed to %s by dossier %s; link SMS requested",
                    a.personalIdNumber, Masking.phone(phone), dossier.dossierId());
        } else {
            Log.infof(
                    "account %s: contact data and documents updated by dossier %s",
                    a.personalIdNumber, dossier.dossierId());
        }
    }

    /**
     * The number a dossier replaced is told so (whoever holds it may not be the citizen any more), and the secrets
     * sent to it stop working: a temporary password expires now (the citizen activates with a code sent to the new
     * number, or asks for a reset) and a live recovery code is deleted.
     */
    private void unlinkOldPhone(CitizenAccount a, String oldPhone, DossierRegistration dossier, Instant now) {
        boolean temporaryKilled =
                a.passwordTemporary && (a.passwordExpiresAt == null || a.passwordExpiresAt.isAfter(now));
        if (temporaryKilled) {
            a.passwordExpiresAt = now;
        }
        RecoveryCode.kill(a.personalIdNumber);
        AccountAudit.record(
                a.personalIdNumber,
                "PHONE_UNLINKED",
                "dossier:" + dossier.dossierId(),
                temporaryKilled
                        ? "temporary password and any recovery code invalidated"
                        : "any recovery code invalidated",
                now);
        events.smsRequested(a, oldPhone, SmsPurpose.PHONE_UNLINKED, null);
        Log.infof(
                "account %s: old phone %s unlinked by dossier %s; notice SMS requested%s",
                a.personalIdNumber,
                Masking.phone(oldPhone),
                dossier.dossierId(),
                temporaryKilled ? "; temporary password invalidated" : "");
    }

    private String documents(DossierRegistration dossier) {
        try {
            List<Object> docs = dossier.integratedDocuments();
            return mapper.writeValueAsString(docs == null ? List.of() : docs);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "integrated documents of dossier " + dossier.dossierId() + " are not JSON", e);
        }
    }

    private Contact openContact(DossierRegistration dossier) {
        if (contactKey == null) {
            throw new IllegalStateException(
                    "IDENTITY_CONTACT_PRIVATE_KEY_LOCATION is not set: cannot read the contact of dossier "
                            + dossier.dossierId());
        }
        String sealed = dossier.sealedContact();
        if (sealed == null || sealed.isBlank()) {
            throw new IllegalArgumentException(
                    "dossier " + dossier.dossierId() + " has an e-ID registration without sealedContact");
        }
        Contact contact = Sealing.open(sealed, contactKey, Contact.class);
        if (contact.personalIdNumber() == null
                || !contact.personalIdNumber().equals(dossier.personalIdNumber())
                || contact.dossierId() == null
                || !contact.dossierId().equals(dossier.dossierId())) {
            // a genuine sealed blob copied into another record (another citizen, another dossier) has no effect
            throw new IllegalArgumentException(
                    "dossier " + dossier.dossierId() + ": the sealed contact belongs to another record");
        }
        if (contact.phoneNumber() == null
                || !E164.matcher(contact.phoneNumber()).matches()) {
            throw new IllegalArgumentException(
                    "dossier " + dossier.dossierId() + ": the sealed phone number is not E.164");
        }
        return contact;
    }
}
