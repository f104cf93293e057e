package org.tcc.stack.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Runs the real Keycloak server distribution (from Maven Central) as its own process, for the tests and the
 * local stack. The process is started in a session of its own ({@code setsid}) so that stopping it stops the
 * whole process group (kc.sh and its JVM).
 */
public final class KeycloakServer {

    public static final String VERSION = "26.7.3";
    public static final String REALM = "tcc";

    private KeycloakServer() {
    }

    /** Unzips the distribution under {@code parent} unless it is there already; returns the server home. */
    public static Path install(Path zip, Path parent, Consumer<String> progress) throws IOException {
        Path home = parent.resolve("keycloak-" + VERSION);
        if (Files.isRegularFile(home.resolve("bin/kc.sh")) && Files.isRegularFile(home.resolve(".tcc-unpacked"))) {
            return home;
        }
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip
                    + " (Maven resolves org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip when building)");
        }
        progress.accept("unpacking Keycloak " + VERSION + " into " + home + " (once)");
        Files.createDirectories(parent);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = parent.resolve(entry.getName()).normalize();
                if (!target.startsWith(parent)) {
                    throw new IOException("zip entry outside the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (var scripts = Files.list(home.resolve("bin"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.writeString(home.resolve(".tcc-unpacked"), VERSION);
        return home;
    }

    /**
     * Starts Keycloak in dev mode on {@code port} with the realm file imported (when its database does not hold
     * the realm yet). Returns the process id, which is also its process-group id.
     */
    public static long start(Path home, int port, Path realmFile, Path logFile, boolean freshDatabase)
            throws IOException {
        Path importDir = home.resolve("data/import");
        Files.createDirectories(importDir);
        Files.copy(realmFile, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        if (freshDatabase) {
            deleteTree(home.resolve("data/h2"));
        }
        List<String> command = new ArrayList<>(List.of("setsid", home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--hostname=" + baseUrl(port), "--import-realm",
                "--http-management-port=" + managementPort(port), "--health-enabled=false", "--metrics-enabled=true"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putIfAbsent("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        return builder.start().pid();
    }

    /** Keycloak's own management interface (its Prometheus metrics at {@code /metrics}). */
    public static int managementPort(int port) {
        return port + 1;
    }

    public static String baseUrl(int port) {
        return "http://localhost:" + port;
    }

    public static String issuer(int port) {
        return baseUrl(port) + "/realms/" + REALM;
    }

    /** True when the realm's OpenID configuration answers 200. */
    public static boolean isReady(int port) {
        try {
            HttpResponse<Void> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(issuer(port) + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for the realm to answer, failing early if the process died. */
    public static void awaitReady(int port, long pid, Duration timeout, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastSaid = 0;
        while (!isReady(port)) {
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == Boolean.FALSE) {
                throw new IllegalStateException("Keycloak (pid " + pid + ") exited before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak not ready on port " + port + " after " + timeout);
            }
            if (System.nanoTime() - lastSaid > Duration.ofSeconds(10).toNanos()) {
                progress.accept("waiting for Keycloak on port " + port + " (realm " + REALM + ")");
                lastSaid = System.nanoTime();
            }
            sleep(500);
        }
    }

    /** Stops a process group started by {@link #start}: TERM, then KILL after a grace period. */
    public static void stop(long pid) {
        Processes.stopGroup(pid, Duration.ofSeconds(15));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
