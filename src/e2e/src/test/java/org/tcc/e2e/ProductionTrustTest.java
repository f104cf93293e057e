package org.tcc.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tcc.stack.ServiceLauncher;
import org.tcc.stack.infra.KafkaPrincipal;
import org.tcc.stack.infra.Processes;
import org.tcc.testsupport.ProjectRoot;
import org.tcc.testsupport.TestKafka;
import org.tcc.testsupport.TestKeycloak;
import org.tcc.testsupport.TestPostgres;

/**
 * The packaged ingestion service in its production profile trusts nothing it was shipped with: without a sensor
 * registry and zones it does not start and names the settings; with the repository's published sensor keys it does
 * not start either; without its Kafka user it does not start; with a deployment's own keys and zones it starts.
 */
class ProductionTrustTest {

    private static final Path LOGS = ProjectRoot.dir().resolve("src/e2e/target/service-logs");

    @Test
    void withoutASensorRegistryOrZonesTheServiceRefusesToStartNamingTheSettings() throws Exception {
        String log = startExpectingExit("no-registry", Map.of());
        assertTrue(log.contains("TCC_SENSOR_REGISTRY"), "names the registry setting:\n" + tail(log));

        Path registry = ownRegistry();
        log = startExpectingExit("no-zones", Map.of("TCC_SENSOR_REGISTRY", registry.toString()));
        assertTrue(log.contains("TCC_ZONES"), "names the zones setting:\n" + tail(log));
    }

    @Test
    void theRepositorysPublishedSensorKeysAndDemoZonesAreRefusedInProduction() throws Exception {
        Path copied = Files.createTempFile(LOGS, "copied-local-sensors", ".jwks.json");
        Files.copy(ProjectRoot.dir().resolve("src/alert-ingestion/src/main/resources/sensors/local-sensors.jwks.json"),
                copied, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String log = startExpectingExit("repository-keys", Map.of("TCC_SENSOR_REGISTRY", copied.toString(),
                "TCC_ZONES", ownZones().toString()));
        assertTrue(log.contains("private halves are published"), "explains the refusal:\n" + tail(log));

        log = startExpectingExit("demo-zones", Map.of("TCC_SENSOR_REGISTRY", ownRegistry().toString(),
                "TCC_ZONES", "classpath:zones/default-zones.geojson"));
        assertTrue(log.contains("demo zones"), "explains the refusal:\n" + tail(log));
    }

    @Test
    void withoutItsKafkaIdentityTheServiceRefusesToStartNamingTheSetting() throws Exception {
        // no default user or password for the broker in any profile: an empty setting is a missing one
        String log = startExpectingExit("no-kafka-user", Map.of("TCC_SENSOR_REGISTRY", ownRegistry().toString(),
                "TCC_ZONES", ownZones().toString(), "TCC_KAFKA_USER", "", "TCC_KAFKA_PASSWORD", ""));
        assertTrue(log.contains("no Kafka identity") && log.contains("TCC_KAFKA_USER")
                && log.contains("TCC_KAFKA_PASSWORD"), "names the Kafka settings:\n" + tail(log));
    }

    @Test
    void aDeploymentsOwnKeysAndZonesAreAccepted() throws Exception {
        int port = freePort();
        int management = freePort();
        Path logFile = LOGS.resolve("trust-own-material.log");
        long pid = start(port, management, logFile, Map.of("TCC_SENSOR_REGISTRY", ownRegistry().toString(),
                "TCC_ZONES", ownZones().toString()));
        try {
            HttpClient http = HttpClient.newHttpClient();
            Awaitility.await("ingestion ready with its own registry (" + logFile + ")").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + management
                            + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } finally {
            Processes.stopGroup(pid, Duration.ofSeconds(20));
        }
    }

    private static String startExpectingExit(String name, Map<String, String> settings) throws Exception {
        Path logFile = LOGS.resolve("trust-" + name + ".log");
        Files.deleteIfExists(logFile);
        long pid = start(freePort(), freePort(), logFile, settings);
        try {
            Awaitility.await("ingestion exits (" + logFile + ")").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(300)).until(() -> !Processes.isAlive(pid));
        } finally {
            Processes.stopGroup(pid, Duration.ofSeconds(5));
        }
        String log = Files.readString(logFile);
        assertFalse(log.contains("Listening on"), "must not have started:\n" + tail(log));
        return log;
    }

    private static long start(int port, int management, Path logFile, Map<String, String> settings)
            throws IOException {
        Files.createDirectories(LOGS);
        TestPostgres.jdbcUrl("alert-ingestion");
        Path jar = ProjectRoot.dir().resolve("src/alert-ingestion/target/quarkus-app/quarkus-run.jar");
        return ServiceLauncher.start(jar, "alert-ingestion", port, management, new ServiceLauncher.Wiring(
                TestKafka.client(KafkaPrincipal.ALERT_INGESTION), TestKeycloak.issuer(), TestPostgres.port(),
                TestPostgres.PASSWORD, settings), logFile, LOGS);
    }

    /** A registry of one sensor whose key was made just now: nobody else holds its private half. */
    private static Path ownRegistry() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey key = (ECPublicKey) generator.generateKeyPair().getPublic();
        String jwks = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"kor-own-radar-1\",\"country\":\"KOR\","
                + "\"x\":\"" + coordinate(key.getW().getAffineX()) + "\",\"y\":\""
                + coordinate(key.getW().getAffineY()) + "\"}]}";
        Path file = Files.createTempFile(LOGS, "own-sensors", ".jwks.json");
        Files.writeString(file, jwks);
        return file;
    }

    /** A deployment's zones file: one territory. */
    private static Path ownZones() throws IOException {
        Path file = Files.createTempFile(LOGS, "own-zones", ".geojson");
        Files.writeString(file, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"jpn-honshu-box",
                "name":"Honshu (box)","kind":"TERRITORY","country":"JPN"},"geometry":{"type":"Polygon",
                "coordinates":[[[135,34],[141,34],[141,41],[135,41],[135,34]]]}}]}
                """);
        return file;
    }

    private static String coordinate(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] fixed = new byte[32];
        int from = Math.max(0, bytes.length - 32);
        System.arraycopy(bytes, from, fixed, 32 - (bytes.length - from), bytes.length - from);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static String tail(String log) {
        String[] lines = log.split("\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 30), lines.length));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
