package vn.gov.eid.testsupport.layering.bad.messaging.out;

import vn.gov.eid.testsupport.layering.bad.messaging.in.CitizenConsumer;

/** Fixture: an event builder that wrongly reaches into the consumer. */
public class CitizenEvents {
    public String type() {
        return new CitizenConsumer().type();
    }
}
