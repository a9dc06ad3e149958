package vn.gov.eid.notification;

import org.junit.jupiter.api.Test;

import vn.gov.eid.testsupport.Layering;

/** Packages point one way (CONTRIBUTING.md): checked on the compiled classes, without starting anything. */
class LayeringTest {

    @Test
    void packagesPointOneWay() {
        Layering.check("vn.gov.eid.notification");
    }
}
