package org.tcc.kit.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.tcc.kit.inbox.ProcessedMessages;
import org.tcc.kit.observability.LogContext;
import org.tcc.kit.observability.TraceContext;
import org.tcc.kit.observability.Tracing;

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
 *
 * <p>Tracing: each record gets a consumer span ({@code <topic> process}) whose parent is the trace context the record
 * carries ({@code traceparent}, else {@code ce_traceparent}), from its check until the batch is safe. A transaction
 * applying several records gets one {@code <consumer> apply} span, child of its first record's span and linked to
 * the others': the events it appends to the outbox continue the first record's trace, and a handler that writes per
 * record asks {@link #traceparentOf} for the record's own. No span costs a database round trip.
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

    @Inject
    Tracing tracing;

    /** A record that passed {@link BatchHandler#check}, with its consumer span (ended once the batch is safe). */
    private record Checked<T>(ConsumerRecord<String, byte[]> record, T value, Span span, String ceId) {
    }

    /** A record of the batch being applied: its consumer span's {@code traceparent}, when it reached the broker. */
    private record Applying(String traceparent, long timestamp) {
    }

    /** The records of the batch being applied on this thread, by CloudEvents id. */
    private static final ThreadLocal<Map<String, Applying>> APPLYING = new ThreadLocal<>();

    /**
     * The trace context of the consumed record with CloudEvents id {@code ceId} in the batch being applied on this
     * thread, so that what a handler writes per record (a notification) continues that record's trace; otherwise the
     * context current on the thread (the batch's apply span).
     */
    public static String traceparentOf(String ceId) {
        Applying applying = applying(ceId);
        return applying != null && applying.traceparent() != null ? applying.traceparent() : TraceContext.current();
    }

    /**
     * When the consumed record with CloudEvents id {@code ceId} in the batch being applied on this thread reached the
     * broker (its Kafka timestamp), for the latency metrics; {@code null} outside such a batch.
     */
    public static Instant publishedAtOf(String ceId) {
        Applying applying = applying(ceId);
        return applying == null || applying.timestamp() < 0 ? null : Instant.ofEpochMilli(applying.timestamp());
    }

    private static Applying applying(String ceId) {
        Map<String, Applying> applying = APPLYING.get();
        return applying == null || ceId == null ? null : applying.get(ceId);
    }

    public <T> void consume(ConsumerRecords<String, byte[]> batch, BatchHandler<T> handler) {
        List<CompletableFuture<Void>> letters = new ArrayList<>();
        List<Checked<T>> valid = new ArrayList<>(batch.count());
        try {
            for (ConsumerRecord<String, byte[]> record : batch) {
                // one consumer span per record, child of the record's own trace context: every report's trace shows
                // its consume hop whatever batch it arrived in
                Span span = tracing.processSpan(record, handler.consumerId());
                String ceId = LogContext.enterRecord(record);
                if (ceId != null) {
                    span.setAttribute(Tracing.CE_ID, ceId);
                }
                try (Scope ignored = span.makeCurrent()) {
                    EventEnvelope.check(record);
                    T value = handler.check(record);
                    String id = handler.eventId(value);
                    if (id != null && id.length() > ProcessedMessages.MAX_ID_LENGTH) {
                        throw new Rejected("event id longer than " + ProcessedMessages.MAX_ID_LENGTH + " characters");
                    }
                    valid.add(new Checked<>(record, value, span, ceId));
                } catch (Rejected e) {
                    letters.add(deadLetters.sendAsync(record, e.getMessage()));
                    tracing.fail(span, "dead-lettered: " + e.getMessage());
                } catch (RuntimeException e) {
                    tracing.end(span, e);
                    throw e;
                }
            }
            if (!valid.isEmpty()) {
                applySplitting(valid, handler, letters);
            }
            deadLetters.await(letters);
        } catch (RuntimeException e) {
            valid.forEach(c -> tracing.end(c.span(), e));
            valid.clear();
            throw e;
        } finally {
            valid.forEach(c -> c.span().end());
            LogContext.leave();
        }
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
                    one.span().setStatus(StatusCode.ERROR, "dead-lettered: " + e.getMessage());
                },
                e -> LOG.warnf("%s: records failed together (%s); applying them in halves", handler.consumerId(),
                        e.toString()));
    }

    private <T> void applyInTransaction(List<Checked<T>> part, BatchHandler<T> handler) {
        List<Span> spans = new ArrayList<>(part.size());
        Map<String, Applying> byEventId = new HashMap<>();
        for (Checked<T> c : part) {
            spans.add(c.span());
            if (c.ceId() != null) {
                byEventId.putIfAbsent(c.ceId(), new Applying(TraceContext.format(c.span().getSpanContext()),
                        c.record().timestamp()));
            }
        }
        Span apply = tracing.applySpan(handler.consumerId(), spans);
        APPLYING.set(byEventId);
        LogContext.enterRecord(part.get(0).record());
        try (Scope ignored = apply.makeCurrent()) {
            applyTraced(part, handler);
            apply.end();
        } catch (RuntimeException e) {
            tracing.end(apply, e);
            throw e;
        } finally {
            APPLYING.remove();
        }
    }

    private <T> void applyTraced(List<Checked<T>> part, BatchHandler<T> handler) {
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
