package vn.gov.eid.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;

/**
 * The package rules every service follows (CONTRIBUTING.md, "How the code is laid out"), checked on its compiled
 * main classes. Dependencies point one way: {@code rest -> service -> domain} and
 * {@code messaging.in -> service -> messaging.out -> domain}; use cases and the domain know no HTTP.
 */
public final class Layering {

    private Layering() {}

    /** Fails with every violation listed when a main class of the service under {@code basePackage} breaks a rule. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        rules(basePackage).check(classes);
    }

    static ArchRule rules(String base) {
        String service = base + ".service..";
        String domain = base + ".domain..";
        String rest = base + ".rest..";
        String inbound = base + ".messaging.in..";
        String outbound = base + ".messaging.out..";
        return CompositeArchRule.of(noClasses()
                        .that()
                        .resideInAnyPackage(service, domain)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(
                                rest,
                                inbound,
                                "vn.gov.eid.platform.problem..",
                                "jakarta.ws.rs..",
                                "org.jboss.resteasy..")
                        .because("use cases and the domain speak the domain, not HTTP; consumers call services,"
                                + " not the other way round"))
                .and(noClasses()
                        .that()
                        .resideInAPackage(domain)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(service, base + ".messaging..")
                        .because("the domain knows no use case and no messaging")
                        .allowEmptyShould(true))
                .and(noClasses()
                        .that()
                        .resideInAPackage(outbound)
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(inbound, rest, service)
                        .because("event builders are called by services; they call nothing back")
                        .allowEmptyShould(true))
                .and(noClasses()
                        .that()
                        .resideInAPackage(inbound)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(rest)
                        .because("consumers and resources are two separate entry points into the services")
                        .allowEmptyShould(true))
                .and(noClasses()
                        .that()
                        .resideInAPackage(rest)
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(inbound)
                        .because("consumers and resources are two separate entry points into the services"));
    }
}
