package org.tcc.ingestion;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.tcc.testsupport.TccInfraResource;

/** Every @QuarkusTest of this module runs against the real broker, database (tcc_alert_ingestion) and Keycloak. */
@QuarkusTestResource(value = TccInfraResource.class,
        initArgs = @ResourceArg(name = "service", value = "alert-ingestion"))
public final class IngestionTestInfra {

    private IngestionTestInfra() {
    }
}
