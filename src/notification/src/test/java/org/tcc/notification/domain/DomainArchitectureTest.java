package org.tcc.notification.domain;

import org.junit.jupiter.api.Test;
import org.tcc.testsupport.DomainArchitecture;

/** Audience, escalation, backoff and signature rules stay plain Java. */
class DomainArchitectureTest {

    @Test
    void domainDependsOnNoFrameworkAndNoOtherLayer() {
        DomainArchitecture.assertFrameworkFree("org.tcc.notification");
    }
}
