package vn.gov.eid.notification;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import vn.gov.eid.testsupport.Layering;

/** Packages point one way (CONTRIBUTING.md): checked on the compiled classes, without starting anything. */
class LayeringTest {

    private static final String BASE = "vn.gov.eid.notification";

    private static JavaClasses mainClasses() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void packagesPointOneWay() {
        Layering.check(BASE);
    }

    @Test
    void theSmppSessionCallsNoUseCase() {
        // Services call the gateway; the session answers them only through CDI events (DeliveryReceiptReceived).
        noClasses()
                .that()
                .resideInAPackage(BASE + ".smpp..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BASE + ".service..", BASE + ".messaging..", BASE + ".rest..")
                .check(mainClasses());
    }

    @Test
    void noPackageCycles() {
        // One slice per package (messaging.in and messaging.out apart: in -> service -> out is the intended flow).
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(mainClasses());
    }
}
