package vn.gov.eid.identity.service;

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
import vn.gov.eid.identity.messaging.AccountEvents;
import vn.gov.eid.identity.messaging.AccountEvents.SmsPurpose;
import vn.gov.eid.identity.messaging.DossierCompleted;
import vn.gov.eid.platform.crypto.Sealing;
import vn.gov.eid.platform.privacy.Masking;
import vn.gov.eid.platform.error.DomainException;

/** Creates citizens' accounts from completed dossiers and answers account look-ups. */
@ApplicationScoped
public class AccountService {

    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    @Inject
    IdentityConfig config;

    @Inject
    PasswordHasher hasher;

    @Inject
    PasswordPolicy policy;

    @Inject
    AccountEvents events;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper mapper;

    private PrivateKey contactKey;

    @PostConstruct
    void loadKey() {
        config.contactPrivateKeyLocation().filter(s -> !s.isBlank()).ifPresent(l -> contactKey = Sealing.privateKey(l));
    }

    /** What a caller may see of an account: no hash, no phone, no email. */
    public record AccountView(String personalIdNumber, int level, String status, Instant createdAt, Instant activatedAt,
            Instant lockedUntil) {
        static AccountView of(CitizenAccount a) {
            Instant until = a.lockedUntil != null && a.lockedUntil.isAfter(Instant.now()) ? a.lockedUntil : null;
            return new AccountView(a.personalIdNumber, a.level, a.status.name(), a.createdAt, a.activatedAt, until);
        }
    }

    /** One audit entry as operators see it. */
    public record AuditView(String action, String actor, String reason, Instant at) {
    }

    /** An operator locks the account until an operator unlocks it. */
    @Transactional
    public AccountView lock(String personalIdNumber, String operator, String reason) {
        CitizenAccount a = require(personalIdNumber);
        if (a.status == AccountStatus.LOCKED) {
            throw DomainException.conflict("account-already-locked", "Account already locked",
                    "account " + personalIdNumber + " is already locked");
        }
        Instant now = now();
        a.status = AccountStatus.LOCKED;
        a.updatedAt = now;
        AccountAudit.record(personalIdNumber, "LOCKED", operator, reason, now);
        events.lockedByOperator(a);
        Log.infof("account %s locked by %s", personalIdNumber, operator);
        return AccountView.of(a);
    }

    /** An operator lifts an operator lock and any failed-login lock at once. */
    @Transactional
    public AccountView unlock(String personalIdNumber, String operator, String reason) {
        CitizenAccount a = require(personalIdNumber);
        Instant now = now();
        boolean failedLoginLock = a.lockedUntil != null && a.lockedUntil.isAfter(now);
        if (a.status != AccountStatus.LOCKED && !failedLoginLock) {
            throw DomainException.conflict("account-not-locked", "Account not locked",
                    "account " + personalIdNumber + " is not locked");
        }
        if (a.status == AccountStatus.LOCKED) {
            a.status = a.activatedAt != null ? AccountStatus.ACTIVE : AccountStatus.PENDING_ACTIVATION;
        }
        a.lockedUntil = null;
        a.failedLogins = 0;
        a.updatedAt = now;
        AccountAudit.record(personalIdNumber, "UNLOCKED", operator, reason, now);
        events.unlocked(a);
        Log.infof("account %s unlocked by %s", personalIdNumber, operator);
        return AccountView.of(a);
    }

    /**
     * An operator issues a new temporary password, sent by SMS to the registered phone; the citizen must change it
     * at the next login. Failed-login locks are cleared; an operator lock stays.
     */
    @Transactional
    public String resetCredential(String personalIdNumber, String operator, String reason) {
        CitizenAccount a = require(personalIdNumber);
        Instant now = now();
        String password = policy.generate();
        a.passwordHash = hasher.hash(password);
        a.passwordTemporary = true;
        a.passwordExpiresAt = now.plus(config.password().temporaryValidity());
        a.lockedUntil = null;
        a.failedLogins = 0;
        a.updatedAt = now;
        AccountAudit.record(personalIdNumber, "CREDENTIAL_RESET", operator, reason, now);
        events.credentialReset(a);
        String requestId = events.smsRequested(a, SmsPurpose.CREDENTIAL_RESET, password).toString();
        Log.infof("credential of account %s reset by %s; SMS requested to %s", personalIdNumber, operator,
                Masking.phone(a.phone));
        return requestId;
    }

    /** The audit trail of an account, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditView> audit(String personalIdNumber) {
        get(personalIdNumber);
        return AccountAudit.<AccountAudit>list("personalIdNumber = ?1 order by at, id", personalIdNumber).stream()
                .map(e -> new AuditView(e.action, e.actor, e.reason, e.at)).toList();
    }

    private CitizenAccount require(String personalIdNumber) {
        CitizenAccount a = CitizenAccount.findById(personalIdNumber, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw DomainException.notFound("account-not-found", "Account not found",
                    "no e-ID account for personal ID number " + personalIdNumber);
        }
        return a;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Looks an account up by personal ID number; 404 problem when there is none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountView get(String personalIdNumber) {
        CitizenAccount a = CitizenAccount.findById(personalIdNumber);
        if (a == null) {
            throw DomainException.notFound("account-not-found", "Account not found",
                    "no e-ID account for personal ID number " + personalIdNumber);
        }
        return AccountView.of(a);
    }

    /**
     * Handles a completed dossier inside the consumer's transaction: a new level-2 account with a temporary
     * password, its account-created event and the SMS request, all committed together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onDossierCompleted(DossierCompleted dossier) {
        if (dossier.eidRegistration() == null) {
            Log.debugf("dossier %s has no e-ID registration: no account", dossier.dossierId());
            return;
        }
        String pid = dossier.personalIdNumber();
        if (pid == null || !PERSONAL_ID.matcher(pid).matches()) {
            throw new IllegalArgumentException("dossier " + dossier.dossierId() + " has no valid personal ID number");
        }
        CitizenAccount existing = CitizenAccount.findById(pid, LockModeType.PESSIMISTIC_WRITE);
        DossierCompleted.Contact contact = openContact(dossier);
        if (existing != null) {
            updateExisting(existing, dossier, contact);
            return;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String password = policy.generate();
        CitizenAccount a = new CitizenAccount();
        a.personalIdNumber = pid;
        a.level = 2;
        a.status = AccountStatus.PENDING_ACTIVATION;
        a.passwordHash = hasher.hash(password);
        a.passwordTemporary = true;
        a.passwordExpiresAt = now.plus(config.password().temporaryValidity());
        a.phone = contact.phoneNumber();
        a.email = contact.email();
        a.fullName = dossier.fullName();
        a.dossierId = dossier.dossierId();
        a.integratedDocuments = documents(dossier);
        a.createdAt = now;
        a.updatedAt = now;
        a.persist();
        AccountAudit.record(pid, "CREATED", "dossier:" + dossier.dossierId(), null, now);
        events.created(a);
        events.smsRequested(a, SmsPurpose.INITIAL_CREDENTIAL, password);
        Log.infof("account %s created (level 2) from dossier %s; initial credential SMS requested to %s",
                pid, dossier.dossierId(), Masking.phone(a.phone));
    }

    /**
     * A completed dossier for a citizen who already has an account: a level-1 (self-registered) account becomes
     * level 2 and keeps its password; a level-2 account gets the new contact data and integrated documents. No
     * new password either way; an SMS tells the citizen what happened.
     */
    private void updateExisting(CitizenAccount a, DossierCompleted dossier, DossierCompleted.Contact contact) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String oldPhone = a.phone;
        a.phone = contact.phoneNumber();
        a.email = contact.email();
        a.fullName = dossier.fullName();
        a.integratedDocuments = documents(dossier);
        a.dossierId = dossier.dossierId();
        a.updatedAt = now;
        if (a.level < 2) {
            int previous = a.level;
            a.level = 2;
            AccountAudit.record(a.personalIdNumber, "UPGRADED", "dossier:" + dossier.dossierId(), null, now);
            events.upgraded(a, previous);
            events.smsRequested(a, SmsPurpose.UPGRADE_NOTICE, null);
            Log.infof("account %s upgraded from level %d to 2 by dossier %s; notice SMS requested to %s", a.personalIdNumber,
                    previous, dossier.dossierId(), Masking.phone(a.phone));
            return;
        }
        AccountAudit.record(a.personalIdNumber, "CONTACT_UPDATED", "dossier:" + dossier.dossierId(), null, now);
        if (!a.phone.equals(oldPhone)) {
            // The new number learns it is linked; the old one is no longer used for credentials.
            events.smsRequested(a, SmsPurpose.PHONE_LINKED, null);
            Log.infof("account %s: phone changed to %s by dossier %s; link SMS requested", a.personalIdNumber,
                    Masking.phone(a.phone), dossier.dossierId());
        } else {
            Log.infof("account %s: contact data and documents updated by dossier %s", a.personalIdNumber, dossier.dossierId());
        }
    }

    private String documents(DossierCompleted dossier) {
        try {
            List<Object> docs = dossier.eidRegistration().integratedDocuments();
            return mapper.writeValueAsString(docs == null ? List.of() : docs);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("integrated documents of dossier " + dossier.dossierId() + " are not JSON", e);
        }
    }

    private DossierCompleted.Contact openContact(DossierCompleted dossier) {
        if (contactKey == null) {
            throw new IllegalStateException("IDENTITY_CONTACT_PRIVATE_KEY_LOCATION is not set: cannot read the contact of dossier "
                    + dossier.dossierId());
        }
        String sealed = dossier.eidRegistration().sealedContact();
        if (sealed == null || sealed.isBlank()) {
            throw new IllegalArgumentException("dossier " + dossier.dossierId() + " has an e-ID registration without sealedContact");
        }
        DossierCompleted.Contact contact = Sealing.open(sealed, contactKey, DossierCompleted.Contact.class);
        if (contact.phoneNumber() == null || !E164.matcher(contact.phoneNumber()).matches()) {
            throw new IllegalArgumentException("dossier " + dossier.dossierId() + ": the sealed phone number is not E.164");
        }
        return contact;
    }
}
