package org.tcc.testsupport;

import java.time.Duration;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;
import org.tcc.stack.infra.KafkaTopics;

/** One real Kafka broker (KRaft, combined broker and controller) per test JVM, with every TCC topic created. */
public final class TestKafka {

    private static KafkaClusterTestKit cluster;

    private TestKafka() {
    }

    /**
     * A Quarkus test profile restarts the application in a fresh class loader, where this class's statics start
     * empty: the broker's address is kept in a system property so that the whole JVM shares one broker.
     */
    private static final String SHARED = "tcc.test.kafka.bootstrap";

    public static synchronized String bootstrapServers() {
        String shared = System.getProperty(SHARED);
        if (shared != null) {
            return shared;
        }
        if (cluster == null) {
            // the broker halts its JVM on a fatal error, also one met while the JVM's shutdown hooks close it and
            // its log directories: in a test JVM that turns passed tests into a failed fork (seen intermittently as
            // "Error occurred in starting fork" after every test had passed), so it is told instead
            Exit.Procedure tell = (code, message) -> System.err.println("test Kafka broker asked the JVM to stop ("
                    + code + "): " + message);
            Exit.setHaltProcedure(tell);
            Exit.setExitProcedure(tell);
            try {
                KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                        .setConfigProp("offsets.topic.replication.factor", "1")
                        .setConfigProp("offsets.topic.num.partitions", "3")
                        .setConfigProp("transaction.state.log.replication.factor", "1")
                        .setConfigProp("transaction.state.log.min.isr", "1")
                        .setConfigProp("group.initial.rebalance.delay.ms", "0")
                        .setConfigProp("auto.create.topics.enable", "false")
                        .build();
                kit.format();
                kit.startup();
                kit.waitForReadyBrokers();
                KafkaTopics.createAll(kit.bootstrapServers(), Duration.ofSeconds(30));
                cluster = kit;
                System.setProperty(SHARED, kit.bootstrapServers());
                Runtime.getRuntime().addShutdownHook(new Thread(TestKafka::close, "test-kafka-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test Kafka broker: " + e, e);
            }
        }
        return cluster.bootstrapServers();
    }

    private static synchronized void close() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } catch (Exception e) {
            // JVM is ending
        }
    }
}
