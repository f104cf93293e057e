package org.tcc.ingestion;

import io.quarkus.test.junit.QuarkusTest;
import org.tcc.testsupport.ServiceSmokeTest;

@QuarkusTest
class IngestionSmokeTest extends ServiceSmokeTest {

    @Override
    protected String protectedPath() {
        return "/api/v1/alerts";
    }

    @Override
    protected String user() {
        return "us-liaison";
    }
}
