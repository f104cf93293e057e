package org.tcc.kit.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.tcc.contracts.Topics;

/**
 * Moves one record of a batch to {@code <topic>.dlq}: same key, value and headers, plus the headers SmallRye's
 * dead-letter strategy writes ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}), so
 * a dead letter reads the same whichever path put it there. Returns once the broker has it: the batch's offsets
 * are committed only after that; while the broker is away it is retried for up to five minutes.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /** How long a dead letter is retried (broker restarting) before the batch fails as a whole. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @Inject
    @Channel("dead-letters")
    Emitter<byte[]> emitter;

    public void send(ConsumerRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header h : record.headers()) {
            headers.add(h);
        }
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
        headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(Topics.deadLetter(record.topic()))
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                publish(record, kafka);
                break;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    // fail the batch: it is redelivered or dead-lettered whole rather than lose this record
                    throw new IllegalStateException("dead letter for " + record.topic() + "-" + record.partition()
                            + "@" + record.offset() + " not acknowledged for " + PATIENCE + ": " + e, e);
                }
                LOG.warnf("dead letter for %s-%d@%d not acknowledged (%s); retrying", record.topic(),
                        record.partition(), record.offset(), e.toString());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while dead-lettering", interrupted);
                }
            }
        }
        LOG.warnf("dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
    }

    private void publish(ConsumerRecord<String, byte[]> record, OutgoingKafkaRecordMetadata<String> kafka)
            throws Exception {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        emitter.send(Acknowledged.message(record.value() == null ? new byte[0] : record.value(), Metadata.of(kafka),
                ack));
        ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
