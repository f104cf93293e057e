package org.tcc.stack.infra;

import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Consumers that only watch topics (benchmark, drill): a fresh group of their own, never committing offsets, as the
 * tool's own Kafka identity (its ACLs allow its group prefix).
 */
public final class KafkaReaders {

    private KafkaReaders() {
    }

    public static KafkaConsumer<String, byte[]> reader(KafkaClient client, String groupPrefix) {
        return reader(client, groupPrefix, new Properties());
    }

    /** The same, with {@code overrides} (for example a larger fetch size). */
    public static KafkaConsumer<String, byte[]> reader(KafkaClient client, String groupPrefix,
                                                       Properties overrides) {
        Properties props = client.properties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + "-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.putAll(overrides);
        return new KafkaConsumer<>(props);
    }
}
