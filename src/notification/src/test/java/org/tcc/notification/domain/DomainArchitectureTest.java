package org.tcc.notification.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain rules stay framework-free. */
class DomainArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tcc.notification");

    @Test
    void domainImportsNoFramework() {
        noClasses().that().resideInAPackage("org.tcc.notification.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..",
                        "org.eclipse.microprofile..", "jakarta.ws.rs..", "jakarta.transaction..",
                        "jakarta.enterprise..", "io.smallrye..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void domainDependsOnNoOtherLayer() {
        noClasses().that().resideInAPackage("org.tcc.notification.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tcc.notification.rest..",
                        "org.tcc.notification.service..", "org.tcc.notification.repository..",
                        "org.tcc.notification.messaging..", "org.tcc.notification.config..", "org.tcc.kit..")
                .check(classes);
    }
}
