package org.tcc.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every TCC service exposes and how its HTTP edges behave: health (readiness covers Kafka and the database),
 * Prometheus metrics and OpenAPI on the management interface only; problem details for what the HTTP layer refuses
 * before a resource sees it; security headers; no call to Keycloak for a token that is not a valid JWT of the realm.
 * A service's test extends it and adds {@code @QuarkusTest}.
 */
public abstract class ServiceSmokeTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    /** A collection of the service's API that needs a bearer token (GET lists it, POST adds to it, no PATCH). */
    protected abstract String protectedPath();

    /** A realm user whose token may list {@link #protectedPath()}. */
    protected abstract String user();

    private String managementUrl(String path) {
        return management.getProtocol() + "://" + management.getHost() + ":" + management.getPort() + path;
    }

    @Test
    void livenessAndReadinessAreUpWithKafkaAndDatabaseChecked() {
        given().when().get(managementUrl("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(managementUrl("/q/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "SmallRye Reactive Messaging - readiness check"));
    }

    /**
     * Liveness covers the background workers (outbox relay, housekeeping, the backlog sampler and the service's
     * own: live streams, deliveries), readiness the outbox backlog's age, beside the database and Kafka.
     */
    @Test
    void healthCoversTheBackgroundWorkersAndTheOutboxBacklog() {
        given().when().get(managementUrl("/q/health/live")).then().statusCode(200)
                .body("checks.find { it.name == 'tcc background workers' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'tcc background workers' }.data.'outbox-relay'", startsWith("UP"))
                .body("checks.find { it.name == 'tcc background workers' }.data.housekeeping", startsWith("UP"));
        given().when().get(managementUrl("/q/health/ready")).then().statusCode(200)
                .body("checks.find { it.name == 'tcc outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'tcc outbox' }.data.limitSeconds", equalTo(120));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get(managementUrl("/q/metrics")).then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes"));
    }

    /** The kit's business metrics and the Kafka consumers' lag are on every service's scrape. */
    @Test
    void outboxBacklogAndConsumerLagAreMeasured() throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        PrometheusText metrics = PrometheusText.scrape(management);
        // the consumers' lag appears once they have fetched from their partitions
        while (!metrics.has("kafka_consumer_fetch_manager_records_lag_max") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            metrics = PrometheusText.scrape(management);
        }
        assertTrue(metrics.has("tcc_outbox_backlog_events"), "tcc_outbox_backlog_events");
        assertTrue(metrics.has("tcc_outbox_backlog_age_seconds"), "tcc_outbox_backlog_age_seconds");
        assertTrue(metrics.has("kafka_consumer_fetch_manager_records_lag_max"),
                "the Kafka client's consumer lag (Micrometer Kafka binder)");
    }

    @Test
    void openApiDocumentIsPublished() {
        given().when().get(managementUrl("/q/openapi?format=json")).then().statusCode(200)
                .body("openapi", startsWith("3."));
    }

    /**
     * The generated OpenAPI document follows the API convention ({@link OpenApiConvention}): every operation
     * documents its problem responses with the shared Problem schema and an example, every list reads cursor and
     * limit and answers the envelope, no path parameter is a bare {id}.
     */
    @Test
    void openApiDocumentDescribesEveryProblemAndEveryListPage() {
        String document = given().when().get(managementUrl("/q/openapi?format=json")).then().statusCode(200)
                .extract().asString();
        // kept beside the test reports for a reader (and the console's authors) to look at
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), document);
        } catch (java.io.IOException e) {
            // only a convenience
        }
        List<String> violations = OpenApiConvention.violations(document);
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    @Test
    void managementEndpointsAreNotServedBesideTheApi() {
        for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().when().get(path).then().statusCode(404)
                    .contentType(ProblemJson.TYPE);
        }
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        given().when().get("/no-such-resource").then().statusCode(404)
                .contentType(ProblemJson.TYPE).body("status", equalTo(404))
                .body("type", equalTo("urn:tcc:problem:not-found"));
        given().auth().oauth2(Tokens.user(user())).when().patch(protectedPath()).then().statusCode(405)
                .contentType(ProblemJson.TYPE).body("status", equalTo(405))
                .body("type", equalTo("urn:tcc:problem:method-not-allowed"));
        given().when().get(protectedPath()).then().statusCode(401)
                .contentType(ProblemJson.TYPE).body("type", equalTo("urn:tcc:problem:unauthenticated"));
    }

    /**
     * A 10 MiB body is refused as soon as its Content-Length is read: the client sends the head and the first
     * kilobyte, and the answer is already there (a client streaming the rest would only meet a closed connection).
     */
    @Test
    void oversizedBodyIsAProblemBeforeAnythingReadsIt() throws Exception {
        URL api = new URL(RestAssured.baseURI + ":" + RestAssured.port);
        try (Socket socket = new Socket(api.getHost(), api.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + protectedPath() + " HTTP/1.1\r\nHost: " + api.getHost() + "\r\n"
                    + "Authorization: Bearer " + Tokens.user(user()) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (10 * 1024 * 1024) + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(" ".repeat(1024).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"),
                    answer);
            assertTrue(answer.contains("\"status\":413"), answer);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (var response : List.of(given().when().get("/no-such-resource"),
                given().when().get(protectedPath()),
                given().auth().oauth2(Tokens.user(user())).when().get(protectedPath()))) {
            response.then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", "no-store");
        }
    }

    /**
     * Tokens that are not a JWT of the realm are refused on the spot: quarkus-oidc would otherwise ask Keycloak's
     * introspection endpoint about each, an amplification anyone can trigger without credentials.
     */
    @Test
    void garbageTokensAreRefusedWithoutAskingKeycloak() {
        Map<String, Double> before = TestKeycloak.requestsServed();
        for (String garbage : List.of("garbage", "not.a.jwt", "a".repeat(2000), "eyJhbGciOiJub25lIn0.e30.",
                // well-formed JWTs the realm did not sign: without a key id, and with an unknown one
                "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
                "eyJhbGciOiJSUzI1NiIsImtpZCI6Im5vLXN1Y2gta2V5In0.eyJzdWIiOiJ4In0.c2ln")) {
            for (int i = 0; i < 5; i++) {
                given().auth().oauth2(garbage).when().get(protectedPath()).then().statusCode(401)
                        .contentType(ProblemJson.TYPE);
            }
        }
        Map<String, Double> after = TestKeycloak.requestsServed();
        // a JWT whose key the service does not know may make it fetch the realm's keys again (key rotation), at
        // most once per quarkus.oidc.token.forced-jwk-refresh-interval; nothing else may reach Keycloak
        String keys = after.keySet().stream().filter(k -> k.contains("/certs")).findFirst().orElse("");
        assertTrue(after.getOrDefault(keys, 0.0) - before.getOrDefault(keys, 0.0) <= 1.0,
                "30 unknown-key tokens fetched the realm keys more than once: " + before + " -> " + after);
        Map<String, Double> withoutKeys = new java.util.TreeMap<>(after);
        withoutKeys.remove(keys);
        Map<String, Double> beforeWithoutKeys = new java.util.TreeMap<>(before);
        beforeWithoutKeys.remove(keys);
        assertEquals(beforeWithoutKeys, withoutKeys,
                "Keycloak served requests (by endpoint) while the service checked garbage tokens");
    }

    /** The problem media type, as RestAssured matches it. */
    static final class ProblemJson {
        static final String TYPE = "application/problem+json";

        private ProblemJson() {
        }
    }
}
