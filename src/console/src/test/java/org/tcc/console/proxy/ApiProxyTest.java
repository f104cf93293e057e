package org.tcc.console.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tcc.console.Browser;
import org.tcc.console.FakeServices;
import org.tcc.testsupport.TestKeycloak;

/** The same-origin proxy: the signed-in user's access token goes to the service, nothing of the browser's does. */
@QuarkusTest
@QuarkusTestResource(FakeServices.class)
class ApiProxyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void clear() {
        FakeServices.SEEN.clear();
    }

    @Test
    void theProxyAddsTheUsersAccessTokenAndKeepsTheCookies() throws Exception {
        Browser browser = new Browser().signIn("jp-liaison");

        HttpResponse<String> list = browser.get(Browser.CONSOLE + "/api/ingestion/v1/alerts?lifecycle=ACTIVE&limit=5",
                "Accept", "application/json", "X-Requested-With", "JavaScript");

        assertEquals(200, list.statusCode(), list.body());
        FakeServices.Seen seen = FakeServices.SEEN.poll(10, TimeUnit.SECONDS);
        assertNotNull(seen);
        assertEquals("GET", seen.method());
        assertEquals("/ingestion/api/v1/alerts?lifecycle=ACTIVE&limit=5", seen.path());
        String authorization = seen.header("Authorization");
        assertTrue(authorization != null && authorization.startsWith("Bearer "), String.valueOf(authorization));
        JsonNode claims = claims(authorization.substring("Bearer ".length()));
        assertEquals(TestKeycloak.issuer(), claims.path("iss").asText());
        assertEquals("tcc-console", claims.path("azp").asText());
        assertEquals("jp-liaison", claims.path("preferred_username").asText());
        assertEquals("JPN", claims.path("country").asText());
        assertTrue(claims.path("aud").toString().contains("tcc-api"), claims.path("aud").toString());
        assertNull(seen.header("Cookie"), "the console's cookies never reach a service");
        // and the service's answer reaches the page without the service's cookies
        assertTrue(list.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("upstream")));
    }

    @Test
    void eachServiceHasItsPrefixAndALocationIsRewrittenToTheConsolesPath() throws Exception {
        Browser browser = new Browser().signIn("us-liaison");

        HttpResponse<String> raised = browser.send("POST", Browser.CONSOLE + "/api/ingestion/v1/alerts",
                "{\"headline\":\"x\"}", "Content-Type", "application/json", "Origin", Browser.CONSOLE,
                "X-Requested-With", "JavaScript", "Idempotency-Key", "k-1");
        browser.get(Browser.CONSOLE + "/api/consultation/v1/consultations", "X-Requested-With", "JavaScript");

        assertEquals(201, raised.statusCode(), raised.body());
        assertEquals("/api/ingestion/v1/alerts/a-1", raised.headers().firstValue("Location").orElse(null));
        assertTrue(raised.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("upstream")),
                raised.headers().allValues("Set-Cookie").toString());
        FakeServices.Seen post = FakeServices.SEEN.poll(10, TimeUnit.SECONDS);
        assertEquals("POST", post.method());
        assertEquals("{\"headline\":\"x\"}", post.body());
        assertEquals("k-1", post.header("Idempotency-Key"));
        assertNull(post.header("Origin"));
        FakeServices.Seen consultations = FakeServices.SEEN.poll(10, TimeUnit.SECONDS);
        assertEquals("/consultation/api/v1/consultations", consultations.path());
    }

    @Test
    void theLiveStreamIsRelayedEventByEventWithLastEventId() throws Exception {
        Browser browser = new Browser().signIn("kr-liaison");
        FakeServices.releaseStream = new CountDownLatch(1);

        HttpRequest request = HttpRequest.newBuilder(URI.create(Browser.CONSOLE
                        + "/api/notification/v1/notifications/stream"))
                .header("Accept", "text/event-stream").header("Last-Event-ID", "41")
                .header("X-Requested-With", "JavaScript").timeout(Duration.ofSeconds(30)).GET().build();
        HttpResponse<InputStream> stream = browser.http.send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertEquals(200, stream.statusCode());
        assertTrue(stream.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<String> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            // the first event arrives while the service still holds the stream open: nothing is buffered
            for (String line; (line = reader.readLine()) != null && !line.isEmpty(); ) {
                lines.add(line);
            }
            assertEquals(List.of("id: 42", "event: notification", "data: {\"seq\":42}"), lines);
            FakeServices.releaseStream.countDown();
            lines.clear();
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        assertTrue(lines.contains("id: 43"), lines.toString());
        FakeServices.Seen seen = FakeServices.SEEN.poll(10, TimeUnit.SECONDS);
        assertEquals("41", seen.header("Last-Event-ID"));
        assertTrue(seen.header("Authorization").startsWith("Bearer "));
    }

    @Test
    void aPathOutsideTheServicesApisIsNotRelayed() throws Exception {
        Browser browser = new Browser().signIn("us-liaison");

        HttpResponse<String> escape = browser.get(Browser.CONSOLE + "/api/ingestion/../../q/metrics",
                "X-Requested-With", "JavaScript");

        assertFalse(escape.statusCode() == 200 && FakeServices.SEEN.stream()
                .anyMatch(s -> s.path().contains("/q/")), "relayed outside /api: " + FakeServices.SEEN);
    }

    private static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }
}
