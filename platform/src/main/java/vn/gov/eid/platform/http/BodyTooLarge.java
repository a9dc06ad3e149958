package vn.gov.eid.platform.http;

/** A request body larger than its route allows (declared or counted while read); answered with 413. */
public class BodyTooLarge extends RuntimeException {
    private final long limit;

    public BodyTooLarge(long limit) {
        super("the request body is larger than the " + limit + " bytes this endpoint accepts");
        this.limit = limit;
    }

    /** The route's limit in bytes. */
    public long limit() {
        return limit;
    }
}
