package vn.gov.eid.testsupport.layering.good.rest;

import vn.gov.eid.testsupport.layering.good.service.CitizenService;

/** Fixture: a resource that calls the use case. */
public class CitizenResource {
    public String post(String pid) {
        return new CitizenService().create(pid);
    }
}
