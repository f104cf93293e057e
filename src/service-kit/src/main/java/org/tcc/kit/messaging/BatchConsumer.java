package org.tcc.kit.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.tcc.kit.inbox.ProcessedMessages;

/**
 * The one consumer path of every TCC service. A polled batch is
 * <ol>
 *   <li>checked record by record outside any transaction, first its CloudEvents envelope ({@link EventEnvelope}:
 *       id, type, time, and a {@code ce_source} that is the topic's publisher), then by the handler: a record that
 *       can never be processed goes alone to {@code <topic>.dlq} at once, never retried, sent asynchronously so the
 *       valid records behind it are not kept waiting;</li>
 *   <li>applied in one transaction: the new event ids go to the processed-message log in one statement, duplicates
 *       (also within the batch) are dropped, the handler applies the rest in poll order;</li>
 *   <li>when that fails, split in halves and each half applied alone (bisection: a bad record among 200 costs about
 *       eight failed attempts instead of 200 separate transactions), down to single records, which are retried
 *       while the failure may pass ({@link TransientRetry}, {@code tcc.consumer.retry-patience}) and dead-lettered
 *       with the reason when it does not;</li>
 *   <li>returned only once the broker has every dead letter, so the batch's offsets are committed after both its
 *       effects and its dead letters are safe.</li>
 * </ol>
 */
@ApplicationScoped
public class BatchConsumer {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    @Inject
    DeadLetters deadLetters;

    @Inject
    ProcessedMessages processed;

    @Inject
    ConsumerConfig config;

    private record Checked<T>(ConsumerRecord<String, byte[]> record, T value) {
    }

    public <T> void consume(ConsumerRecords<String, byte[]> batch, BatchHandler<T> handler) {
        List<CompletableFuture<Void>> letters = new ArrayList<>();
        List<Checked<T>> valid = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, byte[]> record : batch) {
            try {
                EventEnvelope.check(record);
                T value = handler.check(record);
                String id = handler.eventId(value);
                if (id != null && id.length() > ProcessedMessages.MAX_ID_LENGTH) {
                    throw new Rejected("event id longer than " + ProcessedMessages.MAX_ID_LENGTH + " characters");
                }
                valid.add(new Checked<>(record, value));
            } catch (Rejected e) {
                letters.add(deadLetters.sendAsync(record, e.getMessage()));
            }
        }
        if (!valid.isEmpty()) {
            applySplitting(valid, handler, letters);
        }
        deadLetters.await(letters);
    }

    private <T> void applySplitting(List<Checked<T>> valid, BatchHandler<T> handler,
                                    List<CompletableFuture<Void>> letters) {
        Bisection.apply(valid,
                part -> applyInTransaction(part, handler),
                one -> TransientRetry.run(handler.consumerId() + " applying " + where(one.record()),
                        config.retryPatience(), () -> applyInTransaction(List.of(one), handler)),
                (one, e) -> {
                    if (!(e instanceof Rejected)) {
                        throw e;
                    }
                    letters.add(deadLetters.sendAsync(one.record(), e.getMessage()));
                },
                e -> LOG.warnf("%s: records failed together (%s); applying them in halves", handler.consumerId(),
                        e.toString()));
    }

    private <T> void applyInTransaction(List<Checked<T>> part, BatchHandler<T> handler) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> ids = new ArrayList<>(part.size());
            for (Checked<T> c : part) {
                String id = handler.eventId(c.value());
                if (id != null) {
                    ids.add(id);
                }
            }
            Set<String> fresh = ids.isEmpty() ? Set.of() : processed.firstDeliveries(handler.consumerId(), ids);
            Set<String> taken = new HashSet<>();
            List<T> apply = new ArrayList<>(part.size());
            for (Checked<T> c : part) {
                String id = handler.eventId(c.value());
                if (id == null || (fresh.contains(id) && taken.add(id))) {
                    apply.add(c.value());
                }
            }
            if (!apply.isEmpty()) {
                handler.apply(apply);
            }
        });
    }

    private static String where(ConsumerRecord<String, byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
