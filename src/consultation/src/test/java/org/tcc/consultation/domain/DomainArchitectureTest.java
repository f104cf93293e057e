package org.tcc.consultation.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The workflow rules stay plain Java: no framework, persistence or messaging types in the domain package. */
class DomainArchitectureTest {

    @Test
    void domainDependsOnNoFramework() {
        JavaClasses domain = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.tcc.consultation.domain");
        noClasses().that().resideInAPackage("org.tcc.consultation.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..",
                        "org.eclipse.microprofile..", "jakarta.enterprise..", "jakarta.transaction..",
                        "jakarta.ws.rs..", "org.hibernate..", "io.smallrye..", "org.apache.kafka..", "org.tcc.kit..",
                        "org.tcc.consultation.repository..", "org.tcc.consultation.service..",
                        "org.tcc.consultation.rest..", "org.tcc.consultation.messaging..")
                .because("the consultation state machine is framework-free domain code")
                .check(domain);
    }
}
