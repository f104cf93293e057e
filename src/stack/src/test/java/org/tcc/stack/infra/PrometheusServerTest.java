package org.tcc.stack.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tcc.stack.StackLayout;

/**
 * {@code ./tcc up --prometheus}: the generated configuration scrapes every service's management port with the
 * operations centre's rules, the real {@code promtool} accepts it, and the real Prometheus (Debian's package) started
 * the way the stack starts it scrapes a {@code /q/metrics} endpoint and loads the rules. The last two need the
 * binaries (installed by {@code .ci/run}); without them they are skipped and say why.
 */
class PrometheusServerTest {

    private static final Path RULES = Path.of("../..").resolve(PrometheusServer.RULES).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theStacksConfigScrapesTheThreeManagementPortsWithTheRules() {
        StackLayout layout = StackLayout.fromEnvironment();
        List<PrometheusServer.Target> targets = layout.prometheusTargets();
        assertEquals(List.of("alert-ingestion", "consultation", "notification"),
                targets.stream().map(PrometheusServer.Target::job).toList(), "jobs named after the services");
        String config = PrometheusServer.config(targets, RULES);
        for (StackLayout.Service service : layout.services()) {
            assertTrue(config.contains("  - job_name: " + service.name() + "\n    metrics_path: /q/metrics\n"
                    + "    static_configs:\n      - targets: ['localhost:" + service.managementPort() + "']\n"), config);
        }
        assertTrue(config.contains("rule_files:\n  - '" + RULES + "'\n"), config);
        assertEquals(layout.home().resolve("prometheus"), layout.prometheusHome());
    }

    @Test
    void aMissingBinaryIsNamedWithTheWayToInstallIt(@TempDir Path dir) {
        assertEquals(Optional.empty(), PrometheusServer.binary(Map.of("TCC_PROMETHEUS_BIN",
                dir.resolve("prometheus").toString())));
        assertTrue(PrometheusServer.missingBinaryMessage(Map.of()).contains("apt-get install prometheus"));
        assertTrue(PrometheusServer.missingBinaryMessage(Map.of("TCC_PROMETHEUS_BIN", "/nowhere/prometheus"))
                .contains("/nowhere/prometheus"));
    }

    @Test
    void promtoolAcceptsTheGeneratedConfigAndItsRules(@TempDir Path dir) throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool (Debian package prometheus) not installed");
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, PrometheusServer.config(StackLayout.fromEnvironment().prometheusTargets(), RULES));
        Process check = new ProcessBuilder(promtool.toString(), "check", "config", config.toString())
                .redirectErrorStream(true).start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(check.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, check.exitValue(), output);
        assertTrue(output.contains("SUCCESS") && output.contains("rules found"), output);
    }

    @Test
    void prometheusScrapesAServicesMetricsAndLoadsTheRules(@TempDir Path dir) throws Exception {
        Optional<Path> binary = PrometheusServer.binary(System.getenv());
        assumeTrue(binary.isPresent(), PrometheusServer.missingBinaryMessage(System.getenv()));
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/q/metrics", exchange -> {
            byte[] body = ("# TYPE tcc_reports_total counter\n"
                    + "tcc_reports_total{outcome=\"applied\",reason=\"\"} 3.0\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        int port = freePort();
        long pid = PrometheusServer.start(binary.get(), dir, port, List.of(new PrometheusServer.Target(
                "alert-ingestion", service.getAddress().getPort())), RULES, dir.resolve("prometheus.log"));
        try {
            PrometheusServer.awaitReady(port, pid, Duration.ofSeconds(60), s -> { });
            String base = PrometheusServer.url(port);
            JsonNode target = await(Duration.ofSeconds(30), () -> {
                for (JsonNode t : get(base + "/api/v1/targets").path("data").path("activeTargets")) {
                    if ("up".equals(t.path("health").asText())) {
                        return t;
                    }
                }
                return null;
            });
            assertEquals("alert-ingestion", target.path("labels").path("job").asText());
            assertEquals("/q/metrics", URI.create(target.path("scrapeUrl").asText()).getPath());
            JsonNode series = await(Duration.ofSeconds(30), () -> {
                JsonNode result = get(base + "/api/v1/query?query=" + URLEncoder.encode(
                        "tcc_reports_total{job=\"alert-ingestion\"}", StandardCharsets.UTF_8)).path("data")
                        .path("result");
                return result.isEmpty() ? null : result;
            });
            assertEquals("applied", series.get(0).path("metric").path("outcome").asText());
            JsonNode groups = get(base + "/api/v1/rules").path("data").path("groups");
            assertTrue(groups.size() > 0, "the rules are loaded: " + groups);
            assertTrue(groups.toString().contains("TccServiceDown"), "the operations centre's alerts: " + groups);
            assertTrue(Files.isDirectory(dir.resolve("data")), "time series kept in the data folder");
        } finally {
            Processes.stopGroup(pid, Duration.ofSeconds(10));
            service.stop(0);
        }
        assertTrue(!Processes.isAlive(pid), "stopped with its process group");
    }

    private static JsonNode get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }

    @FunctionalInterface
    private interface Probe {
        JsonNode get() throws Exception;
    }

    private static JsonNode await(Duration timeout, Probe probe) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode found = probe.get();
            if (found != null) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not seen within " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
