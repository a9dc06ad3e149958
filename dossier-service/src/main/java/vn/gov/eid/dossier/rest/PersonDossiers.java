package vn.gov.eid.dossier.rest;

import java.util.List;

/** A person's dossiers, newest first, as a partner lookup answers them (reduced view). */
public record PersonDossiers(List<DossierView> items) {}
