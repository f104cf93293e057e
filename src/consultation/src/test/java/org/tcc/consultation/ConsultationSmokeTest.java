package org.tcc.consultation;

import io.quarkus.test.junit.QuarkusTest;
import org.tcc.testsupport.ServiceSmokeTest;

@QuarkusTest
class ConsultationSmokeTest extends ServiceSmokeTest {

    @Override
    protected String protectedPath() {
        return "/api/v1/consultations";
    }

    @Override
    protected String user() {
        return "us-liaison";
    }
}
