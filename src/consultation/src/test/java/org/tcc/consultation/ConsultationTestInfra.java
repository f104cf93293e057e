package org.tcc.consultation;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.tcc.testsupport.TccInfraResource;

/** Every @QuarkusTest of this module runs against the real broker, database (tcc_consultation) and Keycloak. */
@QuarkusTestResource(value = TccInfraResource.class, initArgs = @ResourceArg(name = "service", value = "consultation"))
public final class ConsultationTestInfra {

    private ConsultationTestInfra() {
    }
}
