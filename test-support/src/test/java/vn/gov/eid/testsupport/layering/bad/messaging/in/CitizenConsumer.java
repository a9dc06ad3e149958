package vn.gov.eid.testsupport.layering.bad.messaging.in;

/** Fixture: a consumer. */
public class CitizenConsumer {
    public String type() {
        return "citizen.v1";
    }
}
