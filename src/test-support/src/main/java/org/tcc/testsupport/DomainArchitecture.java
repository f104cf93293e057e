package org.tcc.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rule every service keeps: its {@code domain} package is plain Java. It depends on no framework,
 * persistence, messaging or web type, and on no other layer of the service.
 */
public final class DomainArchitecture {

    private DomainArchitecture() {
    }

    /** Fails when a class of {@code <servicePackage>.domain} depends on a framework or another layer. */
    public static void assertFrameworkFree(String servicePackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses().that().resideInAPackage(servicePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..",
                        "org.eclipse.microprofile..", "jakarta.enterprise..", "jakarta.transaction..",
                        "jakarta.ws.rs..", "org.hibernate..", "io.smallrye..", "org.apache.kafka..", "org.tcc.kit..",
                        servicePackage + ".repository..", servicePackage + ".service..", servicePackage + ".rest..",
                        servicePackage + ".messaging..", servicePackage + ".config..")
                .because("business rules are framework-free domain code, unit-tested in milliseconds")
                .check(classes);
    }
}
