package vn.gov.eid.dossier.domain;

import java.util.UUID;

/**
 * The context (associated data) of each sealed value: the table, the column and the row's id, which never changes. A
 * value sealed for one row and column opens only there (docs/adr/0003): a ciphertext copied to another row, or from
 * the phone to the e-mail column, is refused. No personal data in them: they appear in error messages.
 */
public final class SealContexts {
    private SealContexts() {}

    /** dossier.phone_sealed of the dossier. */
    public static String phone(UUID dossierId) {
        return "dossier.phone:" + dossierId;
    }

    /** dossier.email_sealed of the dossier. */
    public static String email(UUID dossierId) {
        return "dossier.email:" + dossierId;
    }

    /** dossier_biometrics.portrait_sealed of the dossier. */
    public static String portrait(UUID dossierId) {
        return "dossier_biometrics.portrait:" + dossierId;
    }

    /** dossier_biometrics.fingerprints_sealed of the dossier. */
    public static String fingerprints(UUID dossierId) {
        return "dossier_biometrics.fingerprints:" + dossierId;
    }
}
