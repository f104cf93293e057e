package org.tcc.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.tcc.stack.infra.KeycloakServer;
import org.tcc.stack.infra.Processes;

/**
 * The real Keycloak with the {@code tcc} realm, started once per build: the first test JVM that needs it starts it
 * (under {@code target/test-keycloak-<port>}), later test JVMs of the same build reuse it, and a watchdog stops it when
 * the Maven process ends. A changed realm file restarts it.
 */
public final class TestKeycloak {

    public static final int DEFAULT_PORT = 18180;
    private static String issuer;

    private TestKeycloak() {
    }

    /** Bumped when {@link KeycloakServer#start} changes what the test server must offer (metrics since 2). */
    private static final int LAUNCH_OPTIONS = 2;

    /**
     * How many HTTP requests each of the realm's endpoints has served so far (by method, status and endpoint), from Keycloak's own metrics: a test that
     * reads it before and after an action proves whether the action made the service call Keycloak.
     */
    public static java.util.Map<String, Double> requestsServed() {
        issuer();
        int port = Integer.getInteger("tcc.test.keycloak.port", DEFAULT_PORT);
        try {
            // HTTP/1.1: the JDK client's default h2c upgrade against Keycloak's management interface sometimes
            // fails with "Frame type(97) ... exceeds MAX_FRAME_SIZE" (an HTTP/1.1 answer read as HTTP/2 frames)
            java.net.http.HttpResponse<String> metrics = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                            + KeycloakServer.managementPort(port) + "/metrics")).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return metrics.body().lines()
                    .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                    .filter(line -> line.contains("uri=\"/realms"))
                    .collect(java.util.stream.Collectors.toMap(line -> line.substring(0, line.lastIndexOf(' ')),
                            line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum,
                            java.util.TreeMap::new));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the test Keycloak's metrics: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static synchronized String issuer() {
        if (issuer == null) {
            int port = Integer.getInteger("tcc.test.keycloak.port", DEFAULT_PORT);
            try {
                ensureRunning(port);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test Keycloak: " + e, e);
            }
            issuer = KeycloakServer.issuer(port);
        }
        return issuer;
    }

    private static void ensureRunning(int port) throws IOException {
        Path root = ProjectRoot.dir();
        Path realm = root.resolve("deploy/keycloak/tcc-realm.json");
        // the launch options are part of what a running server must match (a changed option restarts it too)
        String realmHash = sha256(realm) + "-" + LAUNCH_OPTIONS;
        Path work = root.resolve("target/test-keycloak-" + port);
        Files.createDirectories(work);
        Path state = work.resolve("server.state");
        try (FileChannel channel = FileChannel.open(work.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            if (KeycloakServer.isReady(port)) {
                Optional<String[]> running = Files.exists(state)
                        ? Optional.of(Files.readString(state).trim().split(" ")) : Optional.empty();
                if (running.isPresent() && running.get()[1].equals(realmHash)) {
                    return;
                }
                if (running.isEmpty()) {
                    throw new IllegalStateException("port " + port + " already serves a Keycloak that this build did"
                            + " not start; stop it or set -Dtcc.test.keycloak.port");
                }
                log("realm file changed: restarting the test Keycloak");
                KeycloakServer.stop(Long.parseLong(running.get()[0]));
            }
            requireFree(port);
            Path zip = Path.of(System.getProperty("tcc.keycloak.zip", System.getProperty("user.home")
                    + "/.m2/repository/org/keycloak/keycloak-quarkus-dist/" + KeycloakServer.VERSION
                    + "/keycloak-quarkus-dist-" + KeycloakServer.VERSION + ".zip"));
            Path home = KeycloakServer.install(zip, work, TestKeycloak::log);
            long started = System.nanoTime();
            long pid = KeycloakServer.start(home, port, realm, work.resolve("keycloak.log"), true);
            Files.writeString(state, pid + " " + realmHash);
            Processes.stopGroupWhenGone(buildProcess().pid(), pid);
            log("starting Keycloak " + KeycloakServer.VERSION + " on port " + port + " (pid " + pid
                    + ", log " + work.resolve("keycloak.log") + ")");
            KeycloakServer.awaitReady(port, pid, Duration.ofMinutes(4), TestKeycloak::log);
            log("Keycloak ready in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        }
    }

    /** The Maven process running this build (so the server outlives each module's test JVM), else our parent. */
    private static ProcessHandle buildProcess() {
        ProcessHandle current = ProcessHandle.current();
        for (Optional<ProcessHandle> p = current.parent(); p.isPresent(); p = p.get().parent()) {
            String commandLine = p.get().info().commandLine().orElse("");
            if (commandLine.contains("plexus-classworlds") || commandLine.contains("org.codehaus.plexus.classworlds")
                    || commandLine.contains("maven-wrapper") || commandLine.contains("MavenWrapperMain")) {
                return p.get();
            }
        }
        return current.parent().orElse(current);
    }

    private static void requireFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            // free
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " (test Keycloak) is taken by another process");
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void log(String message) {
        System.out.println("[test-keycloak] " + message);
    }
}
