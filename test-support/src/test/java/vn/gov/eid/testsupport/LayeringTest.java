package vn.gov.eid.testsupport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The layering rules accept a service shaped as CONTRIBUTING.md says and name each way a bad one breaks them. */
class LayeringTest {

    private static final String FIXTURES = "vn.gov.eid.testsupport.layering.";

    @Test
    void aServiceThatPointsOneWayPasses() {
        String base = FIXTURES + "good";
        JavaClasses classes = new ClassFileImporter().importPackages(base);
        assertTrue(classes.size() >= 5, "fixtures imported: " + classes.size());
        assertDoesNotThrow(() -> Layering.rules(base).check(classes));
    }

    @Test
    void everyWrongDirectionIsReported() {
        String base = FIXTURES + "bad";
        JavaClasses classes = new ClassFileImporter().importPackages(base);
        AssertionError e =
                assertThrows(AssertionError.class, () -> Layering.rules(base).check(classes));
        String report = e.getMessage();
        assertTrue(report.contains("bad.service.CitizenService") && report.contains("bad.rest.CitizenView"), report);
        assertTrue(report.contains("bad.domain.Citizen") && report.contains("the domain knows no use case"), report);
        assertTrue(report.contains("bad.messaging.out.CitizenEvents") && report.contains("CitizenConsumer"), report);
    }
}
