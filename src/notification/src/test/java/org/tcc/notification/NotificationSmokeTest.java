package org.tcc.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.tcc.testsupport.ServiceSmokeTest;

@QuarkusTest
class NotificationSmokeTest extends ServiceSmokeTest {
}
