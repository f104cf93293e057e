package org.tcc.stack.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A real Kafka broker (KRaft, combined broker and controller) in its own JVM, data kept under one folder, with SASL
 * over TLS on every listener and ACLs ({@link KafkaSecurity}).
 */
public final class KafkaServer {

    private KafkaServer() {
    }

    /**
     * Formats the log folder once, then starts the broker with authentication and ACLs on ({@link KafkaSecurity}:
     * clients on {@code port}, the broker itself on {@code internalPort} and {@code controllerPort}); returns its
     * process (group) id. The configuration, which holds this run's broker password, is readable by the owner only.
     */
    public static long start(Path dir, int port, int internalPort, int controllerPort, KafkaSecurity security,
                             String classpath, Path logFile) throws IOException, InterruptedException {
        Path logs = dir.resolve("data");
        Files.createDirectories(logs);
        Path properties = dir.resolve("server.properties");
        java.util.List<String> lines = new java.util.ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=" + KafkaSecurity.CLIENT_LISTENER + "://127.0.0.1:" + port + ","
                        + KafkaSecurity.INTERNAL_LISTENER + "://127.0.0.1:" + internalPort + ","
                        + KafkaSecurity.CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort,
                "advertised.listeners=" + KafkaSecurity.CLIENT_LISTENER + "://127.0.0.1:" + port + ","
                        + KafkaSecurity.INTERNAL_LISTENER + "://127.0.0.1:" + internalPort,
                "log.dirs=" + logs.toAbsolutePath(),
                "num.partitions=3",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0"));
        security.brokerProperties().forEach((key, value) -> lines.add(key + "=" + escape(value)));
        lines.add("");
        Files.deleteIfExists(properties);
        Files.createFile(properties, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(properties, String.join("\n", lines));
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, String.join("\n",
                "rootLogger.level=INFO",
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=%d{ISO8601} %p %c{1} %m%n",
                "logger.kafka.name=kafka",
                "logger.kafka.level=WARN",
                "logger.state.name=state.change.logger",
                "logger.state.level=WARN",
                "logger.org.name=org.apache.kafka",
                "logger.org.level=WARN",
                ""));
        if (!Files.exists(logs.resolve("meta.properties"))) {
            String clusterId = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(uuidBytes(UUID.randomUUID()));
            Process format = new ProcessBuilder(List.of(Processes.javaBinary(), "-cp", classpath,
                    "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(), "kafka.tools.StorageTool", "format",
                    "-t", clusterId, "-c", properties.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed, see " + logFile);
            }
        }
        return new ProcessBuilder(List.of("setsid", Processes.javaBinary(), "-Xms128m", "-Xmx512m", "-cp", classpath,
                "-Dlog4j2.configurationFile=" + log4j.toAbsolutePath(), "kafka.Kafka", properties.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start().pid();
    }

    public static void awaitPort(int port, long pid, Duration timeout, Consumer<String> progress) {
        long deadline = System.nanoTime() + timeout.toNanos();
        progress.accept("waiting for the Kafka broker on port " + port);
        while (!isListening(port)) {
            if (!Processes.isAlive(pid)) {
                throw new IllegalStateException("the Kafka broker (pid " + pid + ") exited before it was ready");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka not listening on port " + port + " after " + timeout);
            }
            KeycloakServer.sleep(200);
        }
    }

    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A value as a properties file line needs it (backslashes and leading blanks escaped). */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private static byte[] uuidBytes(UUID uuid) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
        buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return buffer.array();
    }
}
