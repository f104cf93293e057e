package org.tcc.stack.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.tcc.contracts.Topics;

/**
 * Creates TCC's topics up front and waits until every partition has a leader. Producing to a partition right after
 * its creation can lose records with an idempotent producer (KAFKA-15591), so nothing relies on auto-creation.
 */
public final class KafkaTopics {

    public static final int PARTITIONS = 3;
    public static final int DEAD_LETTER_PARTITIONS = 1;

    private KafkaTopics() {
    }

    /** Creates the missing TCC topics and dead-letter topics, as {@code admin} (the broker's own identity). */
    public static void createAll(KafkaClient broker, Duration timeout) {
        try (Admin admin = Admin.create(broker.properties())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : Topics.ALL) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, PARTITIONS, (short) 1)
                            .configs(Map.of("retention.ms", String.valueOf(Duration.ofDays(7).toMillis()))));
                }
                String dlq = Topics.deadLetter(topic);
                if (!existing.contains(dlq)) {
                    missing.add(new NewTopic(dlq, DEAD_LETTER_PARTITIONS, (short) 1)
                            .configs(Map.of("retention.ms", String.valueOf(Duration.ofDays(30).toMillis()))));
                }
            }
            if (!existing.contains(Topics.AUDIT_CHECKPOINTS)) {
                // the audit chain's anchor: one partition (publication order), kept forever
                missing.add(new NewTopic(Topics.AUDIT_CHECKPOINTS, 1, (short) 1)
                        .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete")));
            }
            if (!missing.isEmpty()) {
                try {
                    admin.createTopics(missing).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            List<String> all = new ArrayList<>(Topics.ALL_WITH_DLQ);
            all.add(Topics.AUDIT_CHECKPOINTS);
            awaitLeaders(admin, all, timeout);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create Kafka topics: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates plain topics like TCC's (same partitions, replication and retention) when missing. */
    public static void createPlain(KafkaClient client, List<String> topics, Duration timeout) {
        try (Admin admin = Admin.create(client.properties())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, PARTITIONS, (short) 1)
                            .configs(Map.of("retention.ms", String.valueOf(Duration.ofDays(1).toMillis()))))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get();
            }
            awaitLeaders(admin, topics, timeout);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create Kafka topics: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every TCC topic and dead-letter topic has a leader (after a broker restart). */
    public static void awaitLeaders(KafkaClient client, Duration timeout) {
        try (Admin admin = Admin.create(client.properties())) {
            awaitLeaders(admin, Topics.ALL_WITH_DLQ, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLeaders(Admin admin, List<String> topics, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
                boolean ready = descriptions.values().stream().flatMap(d -> d.partitions().stream())
                        .map(TopicPartitionInfo::leader).allMatch(leader -> leader != null && !leader.isEmpty());
                if (ready) {
                    return;
                }
            } catch (ExecutionException e) {
                // not all topics known yet: wait
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka topics have no leader after " + timeout);
            }
            Thread.sleep(100);
        }
    }
}
