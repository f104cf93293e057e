package org.tcc.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tcc.contracts.EventType;
import org.tcc.contracts.Json;
import org.tcc.contracts.SchemaValidation;
import org.tcc.contracts.events.EventPayload;
import org.tcc.kit.observability.KitMetrics;
import org.tcc.kit.observability.TraceContext;

/**
 * Appends events to the outbox inside the caller's transaction. The relay publishes them once that
 * transaction has committed, so a state change and the event announcing it are never separated.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Event<OutboxAppended> appended;

    @Inject
    KitMetrics metrics;

    /**
     * Records {@code payload} as an event of {@code type} about its aggregate ({@link EventPayload#aggregateId()},
     * the Kafka key). The payload must satisfy its published schema: a service never emits what its consumers
     * cannot read.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(EventType type, EventPayload payload) {
        byte[] json = Json.toBytes(payload);
        List<String> errors = SchemaValidation.validate(type, json);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("event " + type + " does not match its schema: " + errors);
        }
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.aggregateType = type.topic();
        event.aggregateId = payload.aggregateId();
        event.eventType = type.ceType();
        event.topic = type.topic();
        event.payload = new String(json, StandardCharsets.UTF_8);
        event.occurredAt = Instant.now();
        // the trace this change belongs to (the REST call or the consumed record), one more column of the same insert
        event.traceParent = TraceContext.current();
        event.persist();
        appended.fire(new OutboxAppended(event.id));
        metrics.appended(type);
        return event.eventId;
    }

    /** Fired inside the appending transaction; the relay reacts once it has committed. */
    public record OutboxAppended(long outboxId) {
    }
}
