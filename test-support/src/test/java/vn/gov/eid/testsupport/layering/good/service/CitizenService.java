package vn.gov.eid.testsupport.layering.good.service;

import vn.gov.eid.testsupport.layering.good.domain.Citizen;
import vn.gov.eid.testsupport.layering.good.messaging.out.CitizenEvents;

/** Fixture: a use case that refuses bad input and raises an event. */
public class CitizenService {
    private final CitizenEvents events = new CitizenEvents();

    public String create(String pid) {
        if (pid == null) {
            throw new IllegalArgumentException("no pid");
        }
        return events.created(new Citizen(pid));
    }
}
