package vn.gov.eid.identity;

import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.Layering;

/** identity-service follows the package rules: services and the domain know no HTTP, messaging points one way. */
class LayeringTest {

    @Test
    void packagesPointOneWay() {
        Layering.check("vn.gov.eid.identity");
    }
}
