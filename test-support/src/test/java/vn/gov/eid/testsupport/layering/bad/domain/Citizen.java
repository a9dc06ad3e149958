package vn.gov.eid.testsupport.layering.bad.domain;

import vn.gov.eid.testsupport.layering.bad.service.CitizenService;

/** Fixture: a domain class that wrongly calls a use case. */
public class Citizen {
    public Object load(String pid) {
        return new CitizenService().find(pid);
    }
}
