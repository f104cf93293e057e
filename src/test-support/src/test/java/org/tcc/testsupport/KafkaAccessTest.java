package org.tcc.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.tcc.contracts.Topics;
import org.tcc.stack.infra.KafkaClient;
import org.tcc.stack.infra.KafkaPrincipal;

/**
 * The test broker enforces what {@link KafkaPrincipal} grants, exactly as the local stack's broker does: a feed
 * writes only the feed topic, only alert-ingestion writes the alert topic, a consumer group is joined only by its
 * service, and a client without valid credentials gets nothing.
 */
class KafkaAccessTest {

    @Test
    void aFeedCannotReadTheAlertTopic() {
        try (KafkaConsumer<String, byte[]> consumer = consumer(TestKafka.client(KafkaPrincipal.FEED_KOR), null)) {
            TopicPartition alerts = new TopicPartition(Topics.ALERTS, 0);
            consumer.assign(List.of(alerts));
            consumer.seekToBeginning(List.of(alerts));
            TopicAuthorizationException refused = assertThrows(TopicAuthorizationException.class,
                    () -> consumer.poll(Duration.ofSeconds(10)));
            assertTrue(refused.unauthorizedTopics().contains(Topics.ALERTS), refused.toString());
        }
    }

    @Test
    void aFeedCannotWriteTheAlertTopicButWritesTheFeedTopic() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(TestKafka.client(KafkaPrincipal.FEED_JPN))) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> producer.send(
                    record(Topics.ALERTS)).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), refused.toString());
        }
        // a fresh producer: the refusal above is fatal for an idempotent producer's state
        try (KafkaProducer<String, byte[]> producer = producer(TestKafka.client(KafkaPrincipal.FEED_JPN))) {
            RecordMetadata written = producer.send(record(Topics.FEED_MISSILE_LAUNCH)).get(30, TimeUnit.SECONDS);
            assertEquals(Topics.FEED_MISSILE_LAUNCH, written.topic());
        }
    }

    @Test
    void onlyAlertIngestionWritesTheAlertTopic() throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer(TestKafka.client(KafkaPrincipal.CONSULTATION))) {
            ExecutionException refused = assertThrows(ExecutionException.class, () -> producer.send(
                    record(Topics.ALERTS)).get(30, TimeUnit.SECONDS));
            assertInstanceOf(TopicAuthorizationException.class, refused.getCause(), refused.toString());
        }
        try (KafkaProducer<String, byte[]> producer = producer(TestKafka.client(KafkaPrincipal.ALERT_INGESTION))) {
            assertEquals(Topics.ALERTS, producer.send(record(Topics.ALERTS)).get(30, TimeUnit.SECONDS).topic());
        }
    }

    @Test
    void aServiceCannotJoinAnotherServicesConsumerGroup() {
        // consultation may read tcc.alerts.v1, but only in its own group: notification's offsets are not its to move
        try (KafkaConsumer<String, byte[]> consumer = consumer(TestKafka.client(KafkaPrincipal.CONSULTATION),
                "notification")) {
            consumer.subscribe(List.of(Topics.ALERTS));
            assertThrows(GroupAuthorizationException.class, () -> consumer.poll(Duration.ofSeconds(10)));
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        KafkaClient feed = TestKafka.client(KafkaPrincipal.FEED_USA);
        KafkaClient impostor = new KafkaClient(feed.bootstrap(), feed.mechanism(), feed.user(), "guessed",
                feed.truststore());
        try (Admin admin = Admin.create(shortTimeouts(impostor.properties()))) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> admin.listTopics().names().get(15, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause(), refused.toString());
        }
    }

    @Test
    void anUnauthenticatedClientGetsNothing() {
        // plaintext against the TLS listener, and TLS without a SASL login: neither learns a topic name
        Properties plaintext = new Properties();
        plaintext.put("bootstrap.servers", TestKafka.bootstrapServers());
        Properties tlsOnly = TestKafka.client(KafkaPrincipal.FEED_USA).properties();
        tlsOnly.put("security.protocol", "SSL");
        tlsOnly.remove("sasl.jaas.config");
        tlsOnly.remove("sasl.mechanism");
        for (Properties anonymous : List.of(plaintext, tlsOnly)) {
            try (Admin admin = Admin.create(shortTimeouts(anonymous))) {
                Exception refused = assertThrows(Exception.class,
                        () -> admin.listTopics().names().get(4, TimeUnit.SECONDS));
                assertTrue(refused instanceof ExecutionException || refused instanceof KafkaException
                        || refused instanceof java.util.concurrent.TimeoutException, refused.toString());
            }
            try (KafkaConsumer<String, byte[]> consumer = consumer(anonymous)) {
                TopicPartition alerts = new TopicPartition(Topics.ALERTS, 0);
                consumer.assign(List.of(alerts));
                consumer.seekToBeginning(List.of(alerts));
                long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                while (System.nanoTime() < deadline) {
                    try {
                        assertTrue(consumer.poll(Duration.ofMillis(500)).isEmpty(), "an anonymous client read alerts");
                    } catch (KafkaException expected) {
                        break;
                    }
                }
            }
        }
    }

    private static Properties shortTimeouts(Properties props) {
        props.put("request.timeout.ms", "5000");
        props.put("default.api.timeout.ms", "10000");
        props.put("reconnect.backoff.max.ms", "1000");
        return props;
    }

    private static ProducerRecord<String, byte[]> record(String topic) {
        return new ProducerRecord<>(topic, "access-test-" + UUID.randomUUID(),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, byte[]> producer(KafkaClient client) {
        Properties props = client.properties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static KafkaConsumer<String, byte[]> consumer(KafkaClient client, String group) {
        Properties props = client.properties();
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        return consumer(props);
    }

    private static KafkaConsumer<String, byte[]> consumer(Properties props) {
        Properties all = new Properties();
        all.putAll(props);
        all.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        all.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        all.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        all.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return new KafkaConsumer<>(all);
    }

}
