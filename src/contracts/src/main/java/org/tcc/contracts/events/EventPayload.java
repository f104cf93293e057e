package org.tcc.contracts.events;

/** The payload of one event type (see {@link org.tcc.contracts.EventType}). */
public interface EventPayload {

    /**
     * The id of the aggregate this event is about: the Kafka record key and the {@code ce_subject} header
     * ({@code sensorId}, {@code alertId}, {@code consultationId} or {@code deliveryId}, by topic).
     */
    String aggregateId();
}
