package vn.gov.eid.dossier.rest;

/** A request body larger than its route allows (declared or counted while read); answered with 413. */
class BodyTooLarge extends RuntimeException {
    private final long limit;

    BodyTooLarge(long limit) {
        super("the request body is larger than the " + limit + " bytes this endpoint accepts");
        this.limit = limit;
    }

    /** The route's limit in bytes. */
    long limit() {
        return limit;
    }
}
