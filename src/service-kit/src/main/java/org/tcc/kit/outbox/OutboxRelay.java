package org.tcc.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.tcc.contracts.CloudEvents;
import io.opentelemetry.api.trace.Span;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.tcc.kit.messaging.Acknowledged;
import org.tcc.kit.observability.TraceContext;
import org.tcc.kit.observability.Tracing;
import org.tcc.kit.worker.BackgroundWorker;

/**
 * Publishes committed outbox events to Kafka, in outbox order, as binary-mode CloudEvents keyed by aggregate id.
 *
 * <p>Woken right after a transaction that appended events commits, and otherwise every
 * {@code tcc.outbox.poll-interval} as a safety net (events left behind by a crash). A PostgreSQL advisory lock
 * makes one replica at a time the publisher, which keeps the per-aggregate order across replicas. A batch is sent
 * whole (the producer pipelines it), and once the broker acknowledged it the batch is marked published in one
 * statement; a crash in between publishes it again (at-least-once), which consumers absorb through their
 * processed-message log. Published rows are kept for {@code tcc.outbox.retention}, then deleted by
 * {@link Housekeeping}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK_KEY = 0x7CC0_0B0CL;
    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    @Inject
    OutboxConfig config;

    @Inject
    Tracing tracing;

    private BackgroundWorker worker;

    void start(@Observes StartupEvent ignored) {
        worker = BackgroundWorker.start("outbox-relay", config.pollInterval(), () -> publishBatch() == BATCH);
    }

    void stop(@Observes ShutdownEvent ignored) {
        worker.close();
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxAppended appended) {
        if (worker != null) {
            worker.wakeUp();
        }
    }

    /** Publishes up to one batch; returns how many events were published. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<OutboxEvent> pending = em.createQuery(
                            "FROM OutboxEvent WHERE publishedAt IS NULL ORDER BY id", OutboxEvent.class)
                    .setMaxResults(BATCH).getResultList();
            if (pending.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(pending.size());
            for (OutboxEvent event : pending) {
                acks.add(send(event));
            }
            List<Long> published = new ArrayList<>(pending.size());
            for (int i = 0; i < pending.size(); i++) {
                try {
                    acks.get(i).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception e) {
                    // keep order: stop at the first event the broker did not take, retry from there
                    LOG.warnf("outbox event %s not acknowledged by Kafka: %s", pending.get(i).eventId, e.toString());
                    break;
                }
                published.add(pending.get(i).id);
            }
            if (!published.isEmpty()) {
                em.createQuery("UPDATE OutboxEvent SET publishedAt = :now WHERE id IN :ids")
                        .setParameter("now", Instant.now()).setParameter("ids", published).executeUpdate();
            }
            return published.size() == pending.size() ? published.size() : 0;
        });
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        // the publish hop of the trace that appended the event; the record carries this span as its W3C parent and
        // the appending context as the CloudEvents distributed-tracing extension
        Span publish = tracing.publishSpan(event.topic, event.eventId.toString(), event.eventType,
                TraceContext.parse(event.traceParent));
        String traceparent = TraceContext.format(publish.getSpanContext());
        ack.whenComplete((ok, failure) -> tracing.end(publish, failure));
        var builder = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withSpecVersion(CloudEvents.SPEC_VERSION)
                .withType(event.eventType)
                .withSource(URI.create(config.source()))
                .withSubject(event.aggregateId)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType(CloudEvents.DATA_CONTENT_TYPE);
        String origin = event.traceParent != null ? event.traceParent : traceparent;
        if (origin != null) {
            builder.withExtension(TraceContext.CE_EXTENSION, origin);
        }
        OutgoingCloudEventMetadata<Object> cloudEvent = builder.build();
        var kafkaBuilder = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic)
                .withKey(event.aggregateId);
        if (traceparent != null) {
            kafkaBuilder.addHeaders(new RecordHeader(TraceContext.HEADER, traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        OutgoingKafkaRecordMetadata<String> kafka = kafkaBuilder.build();
        Message<String> message = Acknowledged.message(event.payload, Metadata.of(cloudEvent, kafka), ack);
        emitter.send(message);
        return ack;
    }
}
