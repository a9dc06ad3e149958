package vn.gov.eid.notification.rest;

/** A request body larger than the API allows (declared or counted while read); answered with 413. */
class BodyTooLarge extends RuntimeException {
    private final long limit;

    BodyTooLarge(long limit) {
        super("the request body is larger than the " + limit + " bytes this endpoint accepts");
        this.limit = limit;
    }

    /** The limit in bytes. */
    long limit() {
        return limit;
    }
}
