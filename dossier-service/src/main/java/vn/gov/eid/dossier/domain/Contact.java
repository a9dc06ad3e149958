package vn.gov.eid.dossier.domain;

/**
 * The e-ID registration's contact data in clear: the mobile number (E.164) the account's SMS goes to and the optional
 * e-mail address. Stored only sealed ({@link SealContexts}); opened in memory where the service needs it.
 */
public record Contact(String phoneNumber, String email) {}
