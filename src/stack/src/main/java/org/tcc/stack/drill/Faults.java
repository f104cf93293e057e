package org.tcc.stack.drill;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tcc.stack.Health;
import org.tcc.stack.StackLayout;
import org.tcc.stack.infra.KafkaPrincipal;
import org.tcc.stack.infra.KafkaServer;
import org.tcc.stack.infra.KafkaTopics;
import org.tcc.stack.infra.Processes;

/**
 * The faults a drill injects into a running stack, each followed by waiting until the stack has recovered:
 * {@code kill -9} of a service or of the Kafka broker (the supervisor of {@code ./tcc up} restarts it), and
 * PostgreSQL stopped for a while and started again with exactly the command line it ran with.
 */
final class Faults {

    /** What one fault did: when, how long until the stack was back, and what was observed. */
    record Fault(String what, long atMillis, long recoveredAfterMillis, String note) {
    }


    private final StackLayout layout;
    private final Consumer<String> log;

    Faults(StackLayout layout, Consumer<String> log) {
        this.layout = layout;
        this.log = log;
    }

    /** {@code kill -9} of a service's process group; waits for the supervisor's restart and its readiness. */
    Fault killService(StackLayout.Service service) throws IOException, InterruptedException {
        long pgid = processGroups().getOrDefault(service.name(), -1L);
        if (pgid <= 0 || !Processes.isAlive(pgid)) {
            throw new IllegalStateException(service.name() + " is not running (pid file " + layout.pidFile() + ")");
        }
        long start = System.currentTimeMillis();
        log.accept("kill -9 " + service.name() + " (process group " + pgid + ")");
        kill(pgid);
        long restarted = awaitRestart(service.name(), pgid, Duration.ofMinutes(2));
        awaitUntil(Duration.ofMinutes(5), () -> Health.isUp(service.readinessUrl()),
                service.name() + " ready again");
        long took = System.currentTimeMillis() - start;
        log.accept(service.name() + " restarted by the supervisor (pid " + restarted + "), ready after "
                + took / 1000.0 + " s");
        return new Fault("kill -9 " + service.name(), start, took, "new pid " + restarted);
    }

    /** {@code kill -9} of the broker; waits for the supervisor's restart and a leader for every partition. */
    Fault killKafka() throws IOException, InterruptedException {
        long pgid = processGroups().getOrDefault("kafka", -1L);
        if (pgid <= 0 || !Processes.isAlive(pgid)) {
            throw new IllegalStateException("the Kafka broker is not running");
        }
        long start = System.currentTimeMillis();
        log.accept("kill -9 the Kafka broker (process group " + pgid + ")");
        kill(pgid);
        long restarted = awaitRestart("kafka", pgid, Duration.ofMinutes(2));
        awaitUntil(Duration.ofMinutes(3), () -> KafkaServer.isListening(layout.kafkaPort()), "Kafka listening");
        KafkaTopics.awaitLeaders(layout.kafka(KafkaPrincipal.DRILL), Duration.ofMinutes(2));
        for (StackLayout.Service service : layout.services()) {
            awaitUntil(Duration.ofMinutes(5), () -> Health.isUp(service.readinessUrl()),
                    service.name() + " ready");
        }
        long took = System.currentTimeMillis() - start;
        log.accept("Kafka broker restarted by the supervisor (pid " + restarted + "), partitions led and services"
                + " ready after " + took / 1000.0 + " s");
        return new Fault("kill -9 Kafka broker", start, took, "new pid " + restarted);
    }

    /**
     * Stops PostgreSQL (fast shutdown: SIGINT to the postmaster), waits {@code pause}, and starts the postmaster
     * again with the exact command line it had (read from {@code /proc}); the supervisor's handle keeps working, as
     * {@code pg_ctl stop} finds the server through {@code postmaster.pid}.
     */
    Fault pausePostgres(Duration pause) throws IOException, InterruptedException {
        Path data = layout.home().resolve("postgres");
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        byte[] raw = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"));
        List<String> command = new ArrayList<>(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
        Path binary = Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "exe"));
        if (!Path.of(command.get(0)).isAbsolute()) {
            command.set(0, binary.toString());
        }
        long start = System.currentTimeMillis();
        log.accept("stopping PostgreSQL (postmaster " + pid + ") for " + pause.toSeconds() + " s: "
                + String.join(" ", command));
        // SIGINT is PostgreSQL's "fast" shutdown (what pg_ctl stop -m fast sends), and works whoever we run as
        run(List.of("/bin/kill", "-INT", String.valueOf(pid)));
        awaitUntil(Duration.ofMinutes(1), () -> !Processes.isAlive(pid), "PostgreSQL stopped");
        long stoppedAt = System.currentTimeMillis();
        Thread.sleep(pause.toMillis());
        // as the launcher's EmbeddedPostgres does: in a user namespace of its own where available (PostgreSQL
        // refuses to run as root), in a session of its own so that no terminal signal reaches it
        List<String> restart = new ArrayList<>(List.of("setsid"));
        if (Files.isExecutable(Path.of("/usr/bin/unshare"))) {
            restart.addAll(List.of("/usr/bin/unshare", "-U"));
        }
        restart.addAll(command);
        new ProcessBuilder(restart).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.logs().resolve("postgres.log").toFile()))
                .start();
        awaitUntil(Duration.ofMinutes(2), this::postgresAnswers, "PostgreSQL accepting connections");
        long downFor = System.currentTimeMillis() - stoppedAt;
        for (StackLayout.Service service : layout.services()) {
            awaitUntil(Duration.ofMinutes(5), () -> Health.isUp(service.readinessUrl()),
                    service.name() + " ready");
        }
        long took = System.currentTimeMillis() - start;
        log.accept("PostgreSQL back after " + downFor / 1000.0 + " s down; services ready after " + took / 1000.0
                + " s");
        return new Fault("PostgreSQL stopped " + pause.toSeconds() + " s", start, took,
                "down " + downFor / 1000.0 + " s");
    }

    boolean postgresAnswers() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + layout.postgresPort()
                + "/postgres", "postgres", "postgres")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    Map<String, Long> processGroups() throws IOException {
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String line : Files.readAllLines(layout.pidFile())) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) {
                groups.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return groups;
    }

    private long awaitRestart(String name, long oldPgid, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Long now = Files.exists(layout.pidFile()) ? processGroups().get(name) : null;
            if (now != null && now != oldPgid && Processes.isAlive(now)) {
                return now;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not restarted within " + timeout
                + ": is the stack's supervisor (./tcc up) running?");
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void awaitUntil(Duration timeout, Check check, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " after " + timeout);
            }
            Thread.sleep(250);
        }
    }

    private static void kill(long pgid) throws IOException, InterruptedException {
        run(List.of("/bin/kill", "-KILL", "--", "-" + pgid));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out.trim());
        }
    }
}
