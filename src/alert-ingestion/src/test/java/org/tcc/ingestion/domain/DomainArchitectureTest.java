package org.tcc.ingestion.domain;

import org.junit.jupiter.api.Test;
import org.tcc.testsupport.DomainArchitecture;

/** Fusion, impact assessment, authenticity and alert rules stay plain Java. */
class DomainArchitectureTest {

    @Test
    void domainDependsOnNoFrameworkAndNoOtherLayer() {
        DomainArchitecture.assertFrameworkFree("org.tcc.ingestion");
    }
}
