package vn.gov.eid.testsupport.layering.good.messaging.in;

import vn.gov.eid.testsupport.layering.good.service.CitizenService;

/** Fixture: a consumer that calls the use case. */
public class CitizenConsumer {
    public String consume(String pid) {
        return new CitizenService().create(pid);
    }
}
