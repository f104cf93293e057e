package org.tcc.kit.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.tcc.contracts.Topics;
import org.tcc.kit.observability.KitMetrics;

/**
 * Moves a record to {@code <topic>.dlq}: same key, value and headers, plus the headers SmallRye's dead-letter
 * strategy writes ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}), so a dead letter
 * reads the same whichever path put it there. {@link #sendAsync} does not wait for the broker, so a bad record does
 * not hold up the valid ones behind it; {@link #await} is called once per batch, before its offsets are committed,
 * and re-sends what the broker refused for up to five minutes (broker restarting).
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /** How long a dead letter is retried (broker restarting) before the batch fails as a whole. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    @Inject
    @Channel("dead-letters")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<byte[]> emitter;

    @Inject
    KitMetrics metrics;

    /** Sends the record's dead letter; the future completes when the broker has it (or fails). */
    public CompletableFuture<Void> sendAsync(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warnf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        metrics.deadLettered(record.topic(), reason);
        return new Letter(record, reason).send();
    }

    /** Waits until the broker has every letter, re-sending refused ones; throws when one never gets there. */
    public void await(List<CompletableFuture<Void>> letters) {
        for (CompletableFuture<Void> letter : letters) {
            try {
                letter.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (Exception e) {
                Letter failed = Letter.of(letter);
                if (failed == null) {
                    throw new IllegalStateException("dead letter not acknowledged: " + e, e);
                }
                failed.sendUntilAcknowledged(e);
            }
        }
    }

    /** One dead letter; its future remembers it, so a refused one can be re-sent. */
    private final class Letter {
        private final ConsumerRecord<String, byte[]> record;
        private final OutgoingKafkaRecordMetadata<String> kafka;

        Letter(ConsumerRecord<String, byte[]> record, String reason) {
            this.record = record;
            RecordHeaders headers = new RecordHeaders();
            for (Header h : record.headers()) {
                headers.add(h);
            }
            headers.add("dead-letter-reason", bytes(reason));
            headers.add("dead-letter-topic", bytes(record.topic()));
            headers.add("dead-letter-partition", bytes(String.valueOf(record.partition())));
            headers.add("dead-letter-offset", bytes(String.valueOf(record.offset())));
            this.kafka = OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(Topics.deadLetter(record.topic()))
                    .withKey(record.key())
                    .withHeaders(headers)
                    .build();
        }

        static Letter of(CompletableFuture<Void> future) {
            return future instanceof Pending pending ? pending.letter : null;
        }

        CompletableFuture<Void> send() {
            Pending ack = new Pending(this);
            try {
                emitter.send(Acknowledged.message(record.value() == null ? new byte[0] : record.value(),
                        Metadata.of(kafka), ack));
            } catch (RuntimeException e) {
                ack.completeExceptionally(e);
            }
            return ack;
        }

        void sendUntilAcknowledged(Exception first) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            Exception last = first;
            while (true) {
                if (System.nanoTime() > deadline) {
                    // fail the batch: it is redelivered rather than lose this record
                    throw new IllegalStateException("dead letter for " + record.topic() + "-" + record.partition()
                            + "@" + record.offset() + " not acknowledged for " + PATIENCE + ": " + last, last);
                }
                LOG.warnf("dead letter for %s-%d@%d not acknowledged (%s); retrying", record.topic(),
                        record.partition(), record.offset(), last.toString());
                try {
                    Thread.sleep(1_000);
                    send().get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while dead-lettering", interrupted);
                } catch (Exception e) {
                    last = e;
                }
            }
        }
    }

    private static final class Pending extends CompletableFuture<Void> {
        final Letter letter;

        Pending(Letter letter) {
            this.letter = letter;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
