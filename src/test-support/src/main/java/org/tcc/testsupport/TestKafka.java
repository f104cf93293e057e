package org.tcc.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.tcc.stack.infra.KafkaClient;
import org.tcc.stack.infra.KafkaPrincipal;
import org.tcc.stack.infra.KafkaSecurity;
import org.tcc.stack.infra.KafkaTopics;

/**
 * One real Kafka broker (KRaft, combined broker and controller) per test JVM, with every TCC topic created, secured
 * as the local stack's is ({@link KafkaSecurity}): SASL SCRAM-SHA-512 over TLS for clients, ACLs from
 * {@link KafkaPrincipal} (every principal, the test harness included), nothing for anyone else.
 */
public final class TestKafka {

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    /**
     * A Quarkus test profile restarts the application in a fresh class loader, where this class's statics start
     * empty: the broker's address and the folder of its certificate and passwords are kept in system properties so
     * that the whole JVM shares one broker.
     */
    private static final String SHARED = "tcc.test.kafka.bootstrap";
    private static final String SHARED_SECURITY = "tcc.test.kafka.security";

    /** The client listener (SASL_SSL): connect with {@link #client} settings, nothing else is let in. */
    public static synchronized String bootstrapServers() {
        String shared = System.getProperty(SHARED);
        if (shared != null) {
            return shared;
        }
        if (cluster == null) {
            start();
        }
        return System.getProperty(SHARED);
    }

    /** The broker's certificate and this run's passwords. */
    public static KafkaSecurity security() {
        bootstrapServers();
        return KafkaSecurity.load(Path.of(System.getProperty(SHARED_SECURITY)));
    }

    /** {@code principal}'s client settings for the test broker. */
    public static KafkaClient client(KafkaPrincipal principal) {
        return security().client(bootstrapServers(), principal);
    }

    private static void start() {
        // the broker halts its JVM on a fatal error, also one met while the JVM's shutdown hooks close it and
        // its log directories: in a test JVM that turns passed tests into a failed fork (seen intermittently as
        // "Error occurred in starting fork" after every test had passed), so it is told instead
        Exit.Procedure tell = (code, message) -> System.err.println("test Kafka broker asked the JVM to stop ("
                + code + "): " + message);
        Exit.setHaltProcedure(tell);
        Exit.setExitProcedure(tell);
        try {
            Path securityDir = Files.createTempDirectory("tcc-test-kafka-security");
            KafkaSecurity security = KafkaSecurity.generate(securityDir);
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "3")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    // the kit binds the client and controller listeners itself; the inter-broker one gets a free port
                    .setConfigProp("listeners", KafkaSecurity.CLIENT_LISTENER + "://localhost:0,"
                            + KafkaSecurity.INTERNAL_LISTENER + "://localhost:0,"
                            + KafkaSecurity.CONTROLLER_LISTENER + "://localhost:0");
            security.brokerProperties().forEach(builder::setConfigProp);
            KafkaClusterTestKit kit = builder.build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            int internalPort = kit.brokers().values().iterator().next()
                    .boundPort(ListenerName.normalised(KafkaSecurity.INTERNAL_LISTENER));
            String internal = "localhost:" + internalPort;
            security.provision(internal, kit.bootstrapServers(), List.of(KafkaPrincipal.values()),
                    Duration.ofSeconds(60));
            KafkaTopics.createAll(security.broker(internal), Duration.ofSeconds(30));
            cluster = kit;
            System.setProperty(SHARED_SECURITY, securityDir.toString());
            System.setProperty(SHARED, kit.bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(securityDir), "test-kafka-stop"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test Kafka broker: " + e, e);
        }
    }

    private static synchronized void close(Path securityDir) {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (Exception e) {
            // JVM is ending
        }
        try (Stream<Path> files = Files.walk(securityDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder
        }
    }
}
