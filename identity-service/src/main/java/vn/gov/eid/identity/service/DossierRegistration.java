package vn.gov.eid.identity.service;

import java.util.List;

/**
 * The e-ID registration of a completed dossier, as account provisioning needs it; the phone number and email are
 * still sealed to identity-service's contact key.
 */
public record DossierRegistration(
        String dossierId,
        String personalIdNumber,
        String fullName,
        String sealedContact,
        List<Object> integratedDocuments) {}
