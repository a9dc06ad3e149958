package vn.gov.eid.platform.outbox;

/**
 * What became of one Kafka transaction of the relay: committed, not sent because Kafka was away (nothing is
 * counted, the rows wait), or refused because of a record ({@code error}: what {@link RecordRejections#describe}
 * says).
 */
record SendOutcome(Kind kind, String error) {

    enum Kind {
        PUBLISHED,
        KAFKA_AWAY,
        REJECTED
    }

    static final SendOutcome PUBLISHED = new SendOutcome(Kind.PUBLISHED, null);
    static final SendOutcome KAFKA_AWAY = new SendOutcome(Kind.KAFKA_AWAY, null);

    static SendOutcome rejected(String error) {
        return new SendOutcome(Kind.REJECTED, error);
    }
}
