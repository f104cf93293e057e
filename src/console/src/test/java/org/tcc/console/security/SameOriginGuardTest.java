package org.tcc.console.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcc.console.Browser;
import org.tcc.console.FakeServices;

/** A signed-in user's browser must not be made to act by another site (CSRF). */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class SameOriginGuardTest {

    private static final String ACK = Browser.CONSOLE + "/api/ingestion/v1/alerts/a-1/acknowledgements";

    @BeforeEach
    void clear() {
        FakeServices.SEEN.clear();
    }

    @Test
    void aCrossOriginPostIsRefusedAndNeverReachesTheService() throws Exception {
        Browser browser = new Browser().signIn("jp-liaison");

        HttpResponse<String> forged = browser.send("POST", ACK, "{}", "Content-Type", "application/json",
                "Origin", "https://evil.example", "X-Requested-With", "JavaScript");

        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(forged.body().contains("urn:tcc:problem:forbidden"), forged.body());
        assertEquals(null, FakeServices.SEEN.poll(1, TimeUnit.SECONDS), "nothing reached the service");
    }

    @Test
    void aPostWithoutOriginOrWithoutThePagesMarkerIsRefused() throws Exception {
        Browser browser = new Browser().signIn("jp-liaison");

        HttpResponse<String> noOrigin = browser.send("POST", ACK, "{}", "Content-Type", "application/json",
                "X-Requested-With", "JavaScript");
        HttpResponse<String> formLike = browser.send("POST", ACK, "a=b",
                "Content-Type", "application/x-www-form-urlencoded", "Origin", Browser.CONSOLE);

        assertEquals(403, noOrigin.statusCode(), noOrigin.body());
        assertEquals(403, formLike.statusCode(), formLike.body());
        assertEquals(null, FakeServices.SEEN.poll(1, TimeUnit.SECONDS));
    }

    @Test
    void theConsolesOwnPagePasses() throws Exception {
        Browser browser = new Browser().signIn("jp-liaison");

        HttpResponse<String> own = browser.send("POST", ACK, "{}", "Content-Type", "application/json",
                "Origin", Browser.CONSOLE, "X-Requested-With", "JavaScript");

        assertEquals(200, own.statusCode(), own.body());
        assertEquals("POST", FakeServices.SEEN.poll(10, TimeUnit.SECONDS).method());
    }
}
