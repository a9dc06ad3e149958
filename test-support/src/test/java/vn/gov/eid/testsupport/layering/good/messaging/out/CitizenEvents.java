package vn.gov.eid.testsupport.layering.good.messaging.out;

import vn.gov.eid.testsupport.layering.good.domain.Citizen;

/** Fixture: an event builder that only knows the domain. */
public class CitizenEvents {
    public String created(Citizen c) {
        return "created " + c.personalIdNumber();
    }
}
