package vn.gov.eid.dossier;

import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.Layering;

/** The package rules of every service hold here: rest -> service -> domain, messaging.out called by services. */
class LayeringTest {
    @Test
    void packagesPointOneWay() {
        Layering.check("vn.gov.eid.dossier");
    }
}
