package org.tcc.ingestion;

import io.quarkus.test.junit.QuarkusTest;
import org.tcc.testsupport.ServiceSmokeTest;

@QuarkusTest
class IngestionSmokeTest extends ServiceSmokeTest {
}
