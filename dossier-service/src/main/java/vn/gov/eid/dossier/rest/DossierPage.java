package vn.gov.eid.dossier.rest;

import java.util.List;

/** A page of dossiers from GET /api/v1/dossiers. */
public record DossierPage(List<DossierView> items, int page, int size, long total) {}
