package org.tcc.consultation.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tcc.consultation.config.ConsultationConfig;
import org.tcc.contracts.CloudEvents;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.Topics;
import org.tcc.contracts.events.audit.AuditCheckpoint;

/**
 * The audit checkpoints as Kafka keeps them: {@code tcc.audit-checkpoints.v1} read from its beginning to its end
 * (no consumer group, nothing committed), every time. This, not the service's database, is what verify compares the
 * chain with. The client takes the service's {@code kafka.*} settings (bootstrap servers, security).
 */
@ApplicationScoped
public class CheckpointLog {

    /** The topic could not be read to its end: the chain cannot be verified against its anchor now. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What the topic holds: checkpoints in publication order, and how many records were not checkpoints. */
    public record Contents(List<AuditCheckpoint> checkpoints, int unreadable) {
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Inject
    ConsultationConfig config;

    public Contents readAll() {
        Properties props = new Properties();
        kafka.forEach((key, value) -> props.put(key, String.valueOf(value)));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "consultation-audit-checkpoints-reader");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Duration timeout = config.audit().readTimeout();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        int partitionCount;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(Topics.AUDIT_CHECKPOINTS, timeout);
            if (partitions == null || partitions.isEmpty()) {
                throw new Unavailable("topic " + Topics.AUDIT_CHECKPOINTS + " does not exist", null);
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            partitionCount = assigned.size();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned, timeout);
            while (assigned.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new Unavailable("the checkpoint topic was not read to its end within " + timeout, null);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (Unavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Unavailable("cannot read " + Topics.AUDIT_CHECKPOINTS + ": " + e, e);
        }
        // one partition in every TCC deployment (offset order is publication order); were there more, time orders them
        if (partitionCount > 1) {
            records.sort(Comparator.<ConsumerRecord<String, byte[]>>comparingLong(ConsumerRecord::timestamp)
                .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
        }
        List<AuditCheckpoint> checkpoints = new ArrayList<>(records.size());
        int unreadable = 0;
        for (ConsumerRecord<String, byte[]> r : records) {
            Header type = r.headers().lastHeader(CloudEvents.HEADER_TYPE);
            if (type == null || !EventType.AUDIT_CHECKPOINT.ceType().equals(
                    new String(type.value(), StandardCharsets.UTF_8)) || r.value() == null) {
                unreadable++;
                continue;
            }
            try {
                checkpoints.add(Json.read(r.value(), AuditCheckpoint.class));
            } catch (RuntimeException e) {
                unreadable++;
            }
        }
        return new Contents(List.copyOf(checkpoints), unreadable);
    }
}
