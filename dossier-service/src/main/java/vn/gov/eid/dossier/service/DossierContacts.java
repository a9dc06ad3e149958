package vn.gov.eid.dossier.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import vn.gov.eid.dossier.domain.Contact;
import vn.gov.eid.dossier.domain.Dossier;
import vn.gov.eid.dossier.domain.SealContexts;
import vn.gov.eid.platform.crypto.DataCipher;

/**
 * The e-ID contact data of a dossier at rest: sealed when stored, opened only where the service needs it in clear
 * (the masked phone and the e-mail address of the staff view, the sealed contact of the completed event), re-wrapped
 * at a key rotation and erased by the retention purge.
 */
@ApplicationScoped
public class DossierContacts {
    @Inject
    DataCipher cipher;

    /**
     * The contact data in clear; empty when the dossier has no e-ID registration or the data was purged.
     *
     * @throws vn.gov.eid.platform.crypto.DataCipherException when a stored value does not open (modified, moved from
     *     another row or column, or sealed under a key this service lacks)
     */
    public Optional<Contact> of(Dossier d) {
        if (d.eidRegistration == null || d.biometricsAndContactPurgedAt != null) {
            return Optional.empty();
        }
        if (d.eidRegistration.contactInClear()) {
            // stored before encryption; ClearRowSealing seals it within eid.dossier.data-at-rest.convert-every
            return Optional.of(new Contact(d.eidRegistration.clearPhoneNumber(), d.eidRegistration.clearEmail()));
        }
        return Optional.of(new Contact(
                d.phoneSealed == null ? null : cipher.openText(d.phoneSealed, SealContexts.phone(d.id)),
                d.emailSealed == null ? null : cipher.openText(d.emailSealed, SealContexts.email(d.id))));
    }

    /** Stores the contact data sealed (the dossier's id must be set); a clear copy from before encryption goes. */
    public void seal(Dossier d, Contact contact) {
        d.phoneSealed = cipher.sealText(contact.phoneNumber(), SealContexts.phone(d.id));
        d.emailSealed = contact.email() == null ? null : cipher.sealText(contact.email(), SealContexts.email(d.id));
        d.eidRegistration = d.eidRegistration.withoutClearContact();
    }

    /**
     * Re-wraps the values sealed under another key than the current one (the data itself stays byte for byte).
     *
     * @return whether anything changed
     */
    public boolean rewrap(Dossier d) {
        // both first, then both set: a value that cannot be re-wrapped leaves the row as it was
        byte[] phone = cipher.rewrap(d.phoneSealed, SealContexts.phone(d.id));
        byte[] email = cipher.rewrap(d.emailSealed, SealContexts.email(d.id));
        boolean changed = phone != d.phoneSealed || email != d.emailSealed;
        d.phoneSealed = phone;
        d.emailSealed = email;
        return changed;
    }

    /** Deletes the contact data, sealed or (from before encryption) clear. */
    public void erase(Dossier d) {
        d.phoneSealed = null;
        d.emailSealed = null;
        if (d.eidRegistration != null) {
            d.eidRegistration = d.eidRegistration.withoutClearContact();
        }
    }
}
