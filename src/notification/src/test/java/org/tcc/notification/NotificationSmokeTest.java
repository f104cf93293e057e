package org.tcc.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.tcc.testsupport.ServiceSmokeTest;

@QuarkusTest
class NotificationSmokeTest extends ServiceSmokeTest {

    @Override
    protected String protectedPath() {
        return "/api/v1/recipients";
    }

    @Override
    protected String user() {
        return "admin";
    }
}
