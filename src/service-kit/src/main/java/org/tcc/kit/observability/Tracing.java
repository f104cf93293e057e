package org.tcc.kit.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The spans of the TCC hops: a record consumed ({@code <topic> process}, a consumer span whose parent is the record's
 * trace context), a batch applied ({@code <consumer> apply}), an outbox event published ({@code <topic> publish}), a
 * notification written to a live stream, mailed or posted to a webhook. Span names and attributes follow the
 * OpenTelemetry messaging conventions where they apply ({@code messaging.system}, {@code messaging.destination.name},
 * {@code messaging.message.id}) plus the CloudEvents id and type.
 */
@ApplicationScoped
public class Tracing {

    public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    public static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    public static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
    public static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    public static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.offset");
    public static final AttributeKey<Long> BATCH_SIZE = AttributeKey.longKey("messaging.batch.message_count");
    public static final AttributeKey<String> CE_ID = AttributeKey.stringKey("cloudevents.event_id");
    public static final AttributeKey<String> CE_TYPE = AttributeKey.stringKey("cloudevents.event_type");

    @Inject
    OpenTelemetry openTelemetry;

    private Tracer tracer;

    @PostConstruct
    void init() {
        tracer = openTelemetry.getTracer("org.tcc.kit");
    }

    public Tracer tracer() {
        return tracer;
    }

    /** The consumer span of one polled record, child of the context the record carries. */
    public Span processSpan(ConsumerRecord<String, ?> record, String consumerId) {
        return tracer.spanBuilder(record.topic() + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(TraceContext.of(record.headers()))
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, record.topic())
                .setAttribute(OPERATION, "process")
                .setAttribute(CONSUMER_GROUP, consumerId)
                .setAttribute(PARTITION, (long) record.partition())
                .setAttribute(OFFSET, record.offset())
                .startSpan();
    }

    /**
     * The span of one transaction applying several records: child of the first record's span, linked to the others'
     * (the events the transaction appends to the outbox continue the first record's trace).
     */
    public Span applySpan(String consumerId, List<Span> records) {
        SpanBuilder builder = tracer.spanBuilder(consumerId + " apply")
                .setSpanKind(SpanKind.INTERNAL)
                .setParent(Context.root().with(records.get(0)))
                .setAttribute(BATCH_SIZE, (long) records.size());
        for (int i = 1; i < records.size(); i++) {
            builder.addLink(records.get(i).getSpanContext());
        }
        return builder.startSpan();
    }

    /** The producer span of an outbox event, child of the context stored with it. */
    public Span publishSpan(String topic, String eventId, String eventType, Context parent) {
        return tracer.spanBuilder(topic + " publish")
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(parent)
                .setAttribute(SYSTEM, "kafka")
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "publish")
                .setAttribute(MESSAGE_ID, eventId)
                .setAttribute(CE_ID, eventId)
                .setAttribute(CE_TYPE, eventType)
                .startSpan();
    }

    /** A span of a hop that starts from a stored {@code traceparent} (a stream write, an e-mail, a webhook call). */
    public Span span(String name, SpanKind kind, String traceparent) {
        return tracer.spanBuilder(name).setSpanKind(kind).setParent(TraceContext.parse(traceparent)).startSpan();
    }

    /** Ends {@code span}, marked as an error when {@code failure} is not null. */
    public void end(Span span, Throwable failure) {
        if (failure != null) {
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
            span.recordException(failure);
        }
        span.end();
    }

    /** Ends {@code span} as an error with {@code reason} (a record dead-lettered, a delivery that failed). */
    public void fail(Span span, String reason) {
        span.setStatus(StatusCode.ERROR, reason);
        span.end();
    }
}
