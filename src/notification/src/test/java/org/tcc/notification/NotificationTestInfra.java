package org.tcc.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.tcc.testsupport.TccInfraResource;

/** Every @QuarkusTest of this module runs against the real broker, database (tcc_notification) and Keycloak. */
@QuarkusTestResource(value = TccInfraResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
public final class NotificationTestInfra {

    private NotificationTestInfra() {
    }
}
