package org.tcc.consultation;

import io.quarkus.test.junit.QuarkusTest;
import org.tcc.testsupport.ServiceSmokeTest;

@QuarkusTest
class ConsultationSmokeTest extends ServiceSmokeTest {
}
