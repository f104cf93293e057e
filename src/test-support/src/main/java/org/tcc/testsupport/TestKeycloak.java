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
        String realmHash = sha256(realm);
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
