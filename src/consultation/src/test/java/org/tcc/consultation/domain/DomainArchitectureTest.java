package org.tcc.consultation.domain;

import org.junit.jupiter.api.Test;
import org.tcc.testsupport.DomainArchitecture;

/** The consultation state machine, convening policy and audit chain stay plain Java. */
class DomainArchitectureTest {

    @Test
    void domainDependsOnNoFrameworkAndNoOtherLayer() {
        DomainArchitecture.assertFrameworkFree("org.tcc.consultation");
    }
}
