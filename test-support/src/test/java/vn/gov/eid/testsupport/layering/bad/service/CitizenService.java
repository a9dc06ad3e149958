package vn.gov.eid.testsupport.layering.bad.service;

import vn.gov.eid.testsupport.layering.bad.rest.CitizenView;

/** Fixture: a use case that wrongly returns an HTTP view. */
public class CitizenService {
    public CitizenView find(String pid) {
        return new CitizenView(pid);
    }
}
