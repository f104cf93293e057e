package org.tcc.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tcc.stack.ServiceLauncher;
import org.tcc.stack.demo.Endpoints;
import org.tcc.stack.demo.ScenarioFailure;
import org.tcc.stack.demo.Timeline;
import org.tcc.stack.demo.TrilateralScenario;
import org.tcc.stack.infra.KafkaPrincipal;
import org.tcc.stack.infra.Processes;
import org.tcc.testsupport.OtlpReceiver;
import org.tcc.testsupport.ProjectRoot;
import org.tcc.testsupport.TestKafka;
import org.tcc.testsupport.TestKeycloak;
import org.tcc.testsupport.TestPostgres;

/**
 * The whole chain across the three packaged services, each in its own process as in production, against a real
 * Kafka broker, PostgreSQL, Keycloak and SMTP server: the same scenario as {@code ./tcc demo}.
 */
class TrilateralScenarioTest {

    private static final List<String> SERVICES = List.of("alert-ingestion", "consultation", "notification");
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    private static final Map<String, Integer> MANAGEMENT_PORTS = new LinkedHashMap<>();
    private static final List<Long> PROCESSES = new ArrayList<>();
    private static GreenMail smtp;
    private static OtlpReceiver otlp;
    private static WebhookSink webhook;

    @BeforeAll
    static void startTheSystem() throws IOException {
        Path root = ProjectRoot.dir();
        TestKafka.bootstrapServers();
        SERVICES.forEach(TestPostgres::jdbcUrl);
        String issuer = TestKeycloak.issuer();
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        otlp = new OtlpReceiver();
        webhook = new WebhookSink();
        Path logs = root.resolve("src/e2e/target/service-logs");
        Files.createDirectories(logs);
        for (String service : SERVICES) {
            int port = freePort();
            PORTS.put(service, port);
            MANAGEMENT_PORTS.put(service, freePort());
            Map<String, String> extra = new LinkedHashMap<>(
                    ServiceLauncher.localStackSettings(service, smtpPort, logs));
            // every service exports its spans to the test's OTLP receiver (OTLP/HTTP, protobuf), quickly
            extra.put("TCC_OTLP_ENDPOINT", otlp.endpoint());
            extra.put("TCC_OTLP_PROTOCOL", "http/protobuf");
            extra.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
            if (service.equals("notification")) {
                // the webhook sink listens on 127.0.0.1: the only non-public address notification may reach here
                extra.put("TCC_WEBHOOK_ALLOWED_TARGETS", "127.0.0.1/32");
            }
            Path jar = root.resolve("src").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            PROCESSES.add(ServiceLauncher.start(jar, service, port, MANAGEMENT_PORTS.get(service),
                    new ServiceLauncher.Wiring(TestKafka.client(KafkaPrincipal.of(service)), issuer,
                    TestPostgres.port(), TestPostgres.PASSWORD, extra), logs.resolve(service + ".log"), logs));
        }
        for (String service : SERVICES) {
            awaitReady(service, "http://localhost:" + MANAGEMENT_PORTS.get(service) + "/q/health/ready");
        }
        // KOR's liaison also takes notices by webhook, so a report's trace shows the webhook call
        try {
            webhook.register(url("notification"), new org.tcc.stack.demo.Api(issuer).token("admin"), "KOR",
                    "kr-liaison");
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot register the webhook: " + e, e);
        }
    }

    @AfterAll
    static void stopTheSystem() {
        PROCESSES.forEach(pid -> Processes.stopGroup(pid, Duration.ofSeconds(20)));
        if (smtp != null) {
            smtp.stop();
        }
        if (otlp != null) {
            otlp.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void radarReportToThreeCountriesActingOnIt() {
        Endpoints endpoints = new Endpoints(url("alert-ingestion"), url("consultation"), url("notification"),
                TestKeycloak.issuer(), TestKafka.client(KafkaPrincipal.DEMO),
                ProjectRoot.dir().resolve("deploy/sensors/local-sensors.private.jwks.json"));
        Timeline timeline = new Timeline(System.out);
        TrilateralScenario scenario = new TrilateralScenario(endpoints, timeline);
        try {
            scenario.run();
        } catch (ScenarioFailure e) {
            throw new AssertionError("scenario failed: " + e.getMessage() + " (service logs in src/e2e/target/"
                    + "service-logs)", e);
        }
        assertTrue(smtp.getReceivedMessages().length > 0, "liaisons were emailed through the real SMTP server");
        assertTrue(!webhook.received().isEmpty(), "KOR's liaison was notified by webhook");
        OneTracePerReport.assertSpansEveryHop(otlp, scenario.reportTraces(), webhook);
    }

    /**
     * Public launch patterns (a salvo, an overflight, a lofted ICBM, a withdrawn impact prediction) through the
     * signed feed: one alert per missile, the affected countries and severity, one consultation for the salvo.
     */
    @Test
    void historicalLaunchPatternsGiveOneAlertPerMissileTheirThreatsAndOneConsultationPerCrisis() throws Exception {
        new HistoricalReplays(url("alert-ingestion"), url("consultation")).run();
    }

    private static String url(String service) {
        return "http://localhost:" + PORTS.get(service);
    }

    private static void awaitReady(String service, String url) {
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await(service + " ready at " + url + " (see src/e2e/target/service-logs)")
                .atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    private static int freePort() throws IOException {
        return FreePorts.next();
    }
}
