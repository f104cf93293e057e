package org.tcc.consultation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.tcc.testsupport.TccInfraResource;

/**
 * Every @QuarkusTest of this module runs against the real broker, database (tcc_consultation, owner and runtime
 * role) and Keycloak, and signs its audit checkpoints with a key generated for the test JVM.
 */
@QuarkusTestResource(value = TccInfraResource.class, initArgs = @ResourceArg(name = "service", value = "consultation"))
@QuarkusTestResource(AuditKeyResource.class)
public final class ConsultationTestInfra {

    private ConsultationTestInfra() {
    }
}
